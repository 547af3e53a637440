import Foundation
import SsoCore
import Testing
@testable import SsoSAML

@Suite struct MetadataCertificateTests {
    /// `openssl x509 -fingerprint -sha256` values and validity, written by the fixture script.
    private static func expected() throws -> [String: [String: Any]] {
        guard let object = try SAMLFixtures.json("keys/certificates.json") as? [String: [String: Any]] else {
            throw SAMLFixtures.Failure(description: "keys/certificates.json has an unexpected shape")
        }
        return object
    }

    @Test func fingerprintsAndValidityMatchOpenSSL() throws {
        let expected = try Self.expected()
        #expect(expected.count >= 15)
        for (file, values) in expected where file != "tiny-512-cert.pem" {
            let certificate = try SAMLCertificate(pem: try SAMLFixtures.text("keys/\(file)"))
            #expect(certificate.sha256Fingerprint == values["sha256Fingerprint"] as? String, "\(file)")
            #expect(Timestamp.format(certificate.notValidBefore) == values["notValidBefore"] as? String, "\(file)")
            #expect(Timestamp.format(certificate.notValidAfter) == values["notValidAfter"] as? String, "\(file)")
            #expect(certificate.publicKeyBits == values["publicKeyBits"] as? Int, "\(file)")
            #expect(certificate.publicKeyAlgorithm == values["publicKeyAlgorithm"] as? String, "\(file)")
        }
    }

    @Test func settingsFingerprintsMatchTheSigningCertificate() throws {
        for idp in SAMLFixtures.idps {
            let settings = try SAMLFixtures.json("\(idp)/settings.json")
            let signing = try #require(settings["signingCertificate"] as? [String: Any])
            let metadata = try IdPMetadata.parse(
                try SAMLFixtures.bytes("\(idp)/metadata.xml"), now: SAMLFixtures.fixedNow)
            #expect(
                metadata.signingCertificates.map(\.sha256Fingerprint).contains(
                    signing["sha256Fingerprint"] as? String ?? "-"))
        }
    }

    @Test func pemBase64AndDERGiveTheSameCertificate() throws {
        let pem = try SAMLFixtures.text("keys/okta-cert.pem")
        let fromPEM = try SAMLCertificate(pem: pem)
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined(separator: "\n  \t")
        let fromBase64 = try SAMLCertificate(base64: "\n  " + body + "\r\n")
        let fromDER = try SAMLCertificate(derBytes: fromPEM.derBytes)
        #expect(fromPEM == fromBase64)
        #expect(fromPEM == fromDER)
        #expect(try SAMLCertificate(pem: fromPEM.pem) == fromPEM)
        #expect(try SAMLCertificate(base64: "\n    " + pem.replacingOccurrences(of: "\n", with: "\n    ")) == fromPEM)
        #expect(fromPEM.subject.contains("CN=dev-12345678"))
        #expect(fromPEM.sha256Fingerprint.count == 32 * 3 - 1)
        #expect(fromPEM.sha256Fingerprint == fromPEM.sha256Fingerprint.uppercased())
        #expect(fromPEM.isValid(at: SAMLFixtures.fixedNow))
        #expect(!fromPEM.isValid(at: Date(timeIntervalSince1970: 0)))
        #expect(fromPEM.description.contains(fromPEM.sha256Fingerprint))
    }

    @Test func smallAndOtherKeysAreReportedOrRefused() throws {
        let weak = try SAMLCertificate(pem: try SAMLFixtures.text("keys/weak-1024-cert.pem"))
        #expect(weak.publicKeyAlgorithm == "RSA")
        #expect(weak.publicKeyBits == 1024)
        #expect(weak.subject == "CN=Weak 1024-bit IdP Signing")
        #expect(Timestamp.format(weak.notValidAfter) == "2049-12-31T23:59:59Z")
        let ec = try SAMLCertificate(pem: try SAMLFixtures.text("keys/ec-p256-cert.pem"))
        #expect(ec.publicKeyAlgorithm == "EC")
        #expect(ec.publicKeyBits == 256)
        let tiny = try SAMLFixtures.text("keys/tiny-512-cert.pem")
        do {
            _ = try SAMLCertificate(pem: tiny)
            Issue.record("a 512-bit key must be refused")
        } catch {
            #expect(error.code == .samlCertificateKeyTooSmall)
            #expect(error.message.contains("512"))
        }
    }

    private func malformedCode(_ make: () throws -> SAMLCertificate) -> SsoError.Code? {
        do {
            _ = try make()
            return nil
        } catch let error as SsoError {
            return error.code
        } catch {
            return nil
        }
    }

    @Test func garbageIsMalformed() throws {
        #expect(malformedCode { try SAMLCertificate(derBytes: []) } == .samlCertificateMalformed)
        #expect(
            malformedCode { try SAMLCertificate(derBytes: [0x30, 0x03, 0x02, 0x01, 0x01]) } == .samlCertificateMalformed
        )
        #expect(malformedCode { try SAMLCertificate(base64: "not base64!") } == .samlCertificateMalformed)
        #expect(malformedCode { try SAMLCertificate(base64: "MAMCAQE=") } == .samlCertificateMalformed)
        #expect(
            malformedCode { try SAMLCertificate(pem: "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----") }
                == .samlCertificateMalformed)
        #expect(malformedCode { try SAMLCertificate(pem: "hello") } == .samlCertificateMalformed)
        let key = try SAMLFixtures.text("keys/sp-key.pem")
        do {
            _ = try SAMLCertificate(pem: key)
            Issue.record("a private key is not a certificate")
        } catch {
            #expect(error.code == .samlCertificateMalformed)
            #expect(!error.message.contains("MII"))
        }
        var der = try SAMLCertificate(pem: try SAMLFixtures.text("keys/okta-cert.pem")).derBytes
        der.append(0)
        #expect(throws: SsoError.self) { try SAMLCertificate(derBytes: der) }
    }
}
