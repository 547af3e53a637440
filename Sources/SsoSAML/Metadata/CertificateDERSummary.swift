import Foundation
import SsoCore
import SwiftASN1
import X509

/// The few fields of an X.509 certificate read straight from its DER: the key algorithm and
/// size (always), and subject and validity (used when swift-certificates refuses the key).
struct CertificateDERSummary {
    var subject: String
    var notValidBefore: Date
    var notValidAfter: Date
    var keyAlgorithm: String
    var keyBits: Int

    static func parse(_ der: [UInt8]) throws(SsoError) -> CertificateDERSummary {
        do {
            return try parseThrowing(der)
        } catch let error as SsoError {
            throw error
        } catch {
            throw SsoError(.samlCertificateMalformed, "the certificate is not well-formed DER X.509")
        }
    }

    private static func malformed(_ what: String, file: String = #fileID, line: Int = #line) -> SsoError {
        SsoError(
            .samlCertificateMalformed, "the certificate is not well-formed X.509 (\(what))", file: file, line: line)
    }

    private static func children(of node: ASN1Node) throws -> [ASN1Node] {
        guard node.identifier == .sequence, case .constructed(let collection) = node.content else {
            throw malformed("expected a SEQUENCE")
        }
        return Array(collection)
    }

    private static func parseThrowing(_ der: [UInt8]) throws -> CertificateDERSummary {
        let root = try DER.parse(der)
        let certificate = try children(of: root)
        guard certificate.count == 3 else { throw malformed("Certificate") }
        var tbs = try children(of: certificate[0])[...]
        if let first = tbs.first, first.identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific) {
            tbs = tbs.dropFirst()
        }
        // serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, …
        guard tbs.count >= 6 else { throw malformed("TBSCertificate") }
        let fields = Array(tbs)
        let validity = try children(of: fields[3])
        guard validity.count == 2 else { throw malformed("Validity") }
        let subject = try DistinguishedName(derEncoded: fields[4])
        let (algorithm, bits) = try publicKey(fields[5])
        return CertificateDERSummary(
            subject: subject.description,
            notValidBefore: try date(validity[0]),
            notValidAfter: try date(validity[1]),
            keyAlgorithm: algorithm,
            keyBits: bits
        )
    }

    private static func date(_ node: ASN1Node) throws -> Date {
        var components = DateComponents()
        if node.identifier == .utcTime {
            let time = try UTCTime(derEncoded: node)
            components = DateComponents(
                year: time.year, month: time.month, day: time.day,
                hour: time.hours, minute: time.minutes, second: time.seconds)
        } else if node.identifier == .generalizedTime {
            let time = try GeneralizedTime(derEncoded: node)
            components = DateComponents(
                year: time.year, month: time.month, day: time.day,
                hour: time.hours, minute: time.minutes, second: time.seconds)
        } else {
            throw malformed("Time")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        guard let date = calendar.date(from: components) else { throw malformed("Time") }
        return date
    }

    private static func publicKey(_ node: ASN1Node) throws -> (String, Int) {
        let spki = try children(of: node)
        guard spki.count == 2 else { throw malformed("SubjectPublicKeyInfo") }
        let algorithm = try children(of: spki[0])
        guard let oidNode = algorithm.first else { throw malformed("AlgorithmIdentifier") }
        let oid = try ASN1ObjectIdentifier(derEncoded: oidNode)
        let key = try ASN1BitString(derEncoded: spki[1])
        switch oid {
        case .AlgorithmIdentifier.rsaEncryption:
            let rsa = try children(of: try DER.parse(key.bytes))
            guard rsa.count == 2, rsa[0].identifier == .integer, case .primitive(let modulus) = rsa[0].content else {
                throw malformed("RSAPublicKey")
            }
            let significant = modulus.drop(while: { $0 == 0 })
            guard let top = significant.first else { throw malformed("RSA modulus") }
            return ("RSA", (significant.count - 1) * 8 + (8 - top.leadingZeroBitCount))
        case .AlgorithmIdentifier.idEcPublicKey:
            guard algorithm.count == 2 else { throw malformed("EC parameters") }
            switch try ASN1ObjectIdentifier(derEncoded: algorithm[1]) {
            case .NamedCurves.secp256r1: return ("EC", 256)
            case .NamedCurves.secp384r1: return ("EC", 384)
            case .NamedCurves.secp521r1: return ("EC", 521)
            default:
                throw SsoError(
                    .samlCertificateUnsupportedKey, "the certificate's EC curve is not P-256, P-384 or P-521")
            }
        case [1, 3, 101, 112]:
            return ("Ed25519", 255)
        default:
            throw SsoError(
                .samlCertificateUnsupportedKey, "the certificate's public key algorithm \(oid) is not supported")
        }
    }
}
