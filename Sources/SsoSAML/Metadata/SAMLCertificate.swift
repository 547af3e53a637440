import Crypto
import Foundation
import SsoCore
import SwiftASN1
import X509

/// An X.509 certificate as SAML metadata carries it: the trust anchor for an IdP's signatures or
/// the key an SP encrypts to.
///
/// Parsed with swift-certificates. RSA keys from 1024 bits up are representable even where
/// swift-crypto refuses keys under 2048 bits, so ``publicKeyBits`` can be reported and a
/// signature policy can reject them with its own error (`saml.signature.key_too_small`);
/// RSA keys under 1024 bits are refused here with `saml.certificate.key_too_small`.
public struct SAMLCertificate: Sendable, Hashable {
    /// The DER encoding of the certificate.
    public let derBytes: [UInt8]
    /// SHA-256 of ``derBytes`` as uppercase hex pairs separated by colons (`AB:01:…`), as
    /// `openssl x509 -fingerprint -sha256` prints it.
    public let sha256Fingerprint: String
    /// The subject distinguished name (`CN=…,O=…`).
    public let subject: String
    /// The start of the validity period.
    public let notValidBefore: Date
    /// The end of the validity period.
    public let notValidAfter: Date
    /// `RSA`, `EC` or `Ed25519`.
    public let publicKeyAlgorithm: String
    /// The key size: the RSA modulus length, or the curve size (256, 384, 521; 255 for Ed25519).
    public let publicKeyBits: Int

    /// The largest certificate accepted, in bytes of DER.
    package static let maxDERBytes = 64 * 1024
    /// RSA keys shorter than this are refused at parse time (`saml.certificate.key_too_small`).
    package static let minimumRSABits = 1024

    /// Parses a DER-encoded certificate.
    public init(derBytes: [UInt8]) throws(SsoError) {
        guard !derBytes.isEmpty, derBytes.count <= Self.maxDERBytes else {
            throw SsoError(
                .samlCertificateMalformed, "the certificate is empty or larger than \(Self.maxDERBytes) bytes")
        }
        let summary = try CertificateDERSummary.parse(derBytes)
        if summary.keyAlgorithm == "RSA", summary.keyBits < Self.minimumRSABits {
            throw SsoError(
                .samlCertificateKeyTooSmall,
                "the certificate's RSA key has \(summary.keyBits) bits; at least \(Self.minimumRSABits) are required"
            )
        }
        self.derBytes = derBytes
        self.sha256Fingerprint = Self.fingerprint(of: derBytes)
        self.publicKeyAlgorithm = summary.keyAlgorithm
        self.publicKeyBits = summary.keyBits
        if let certificate = try? Certificate(derEncoded: derBytes) {
            self.subject = certificate.subject.description
            self.notValidBefore = certificate.notValidBefore
            self.notValidAfter = certificate.notValidAfter
        } else if summary.keyAlgorithm == "RSA", summary.keyBits < 2048 {
            // swift-crypto refuses RSA keys under 2048 bits; the certificate is otherwise read
            // from its own DER so the policy can report the key size.
            self.subject = summary.subject
            self.notValidBefore = summary.notValidBefore
            self.notValidAfter = summary.notValidAfter
        } else {
            throw SsoError(.samlCertificateMalformed, "the certificate could not be parsed as X.509")
        }
    }

    /// Parses a PEM `CERTIFICATE` block.
    public init(pem: String) throws(SsoError) {
        guard pem.utf8.count <= Self.maxDERBytes * 2 else {
            throw SsoError(.samlCertificateMalformed, "the PEM certificate is too large")
        }
        let document: PEMDocument
        do {
            document = try PEMDocument(pemString: pem)
        } catch {
            throw SsoError(.samlCertificateMalformed, "the text is not a PEM certificate")
        }
        guard document.discriminator == "CERTIFICATE" else {
            throw SsoError(.samlCertificateMalformed, "the PEM block is a \(document.discriminator), not a CERTIFICATE")
        }
        try self.init(derBytes: document.derBytes)
    }

    /// Parses the base64 text of a metadata `<ds:X509Certificate>` element; spaces and line
    /// breaks are allowed anywhere, as identity providers wrap it. A whole PEM block pasted into
    /// the element (a common configuration slip) is read as PEM.
    public init(base64: String) throws(SsoError) {
        guard base64.utf8.count <= Self.maxDERBytes * 2 else {
            throw SsoError(.samlCertificateMalformed, "the base64 certificate is too large")
        }
        if base64.contains("-----BEGIN CERTIFICATE-----") {
            let lines = base64.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
                .map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            try self.init(pem: lines.joined(separator: "\n"))
            return
        }
        let der: [UInt8]
        do {
            der = try Base64.decode(base64, allowWhitespace: true)
        } catch {
            throw SsoError(.samlCertificateMalformed, "the X509Certificate value is not valid base64")
        }
        try self.init(derBytes: der)
    }

    /// The certificate as a PEM `CERTIFICATE` block (64-column lines).
    public var pem: String {
        PEMDocument(type: "CERTIFICATE", derBytes: derBytes).pemString
    }

    /// Whether `date` lies within the validity period (both ends inclusive).
    public func isValid(at date: Date) -> Bool {
        notValidBefore <= date && date <= notValidAfter
    }

    static func fingerprint(of der: [UInt8]) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(32 * 3)
        for (index, byte) in SHA256.hash(data: der).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ":")) }
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension SAMLCertificate: CustomStringConvertible {
    public var description: String {
        "SAMLCertificate(subject: \(subject), sha256: \(sha256Fingerprint), \(publicKeyAlgorithm)-\(publicKeyBits))"
    }
}
