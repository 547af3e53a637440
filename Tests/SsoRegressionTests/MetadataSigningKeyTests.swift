import Foundation
import SsoCore
import SsoSAML
import Testing

/// The `saml-metadata` finding: `IdPMetadata.parse` accepted signing certificates that
/// `SAMLSigningKeySet(metadata:)` then refused — an Ed25519 certificate (swift-certificates reads
/// it, xmlsec 1.2 has no EdDSA), and a 1024-bit RSA certificate with a broken field (read only
/// through `CertificateDERSummary`, which skips the serial number; OpenSSL refuses it). Parsing
/// now loads every signing certificate into xmlsec and refuses these with a typed error, so
/// parsed metadata always yields a key set.
@Suite struct MetadataSigningKeyTests {
    static func regression(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: RegressionReplayTests.folder(.samlMetadata).appendingPathComponent(name)))
    }

    static func ed25519Metadata() throws -> [UInt8] {
        try regression("ed25519-signing-certificate.xml")
    }

    @Test func certificateOpenSSLCannotReadIsRefusedAtParseTime() throws {
        let now = try SAMLOracles.fixedNow.get()
        let bytes = try Self.regression("weak-key-serial-not-integer.xml")
        let error = #expect(throws: SsoError.self) { try IdPMetadata.parse(bytes, now: now) }
        #expect(error?.code == .samlCertificateMalformed)
        // The intact weak-key metadata still parses (its key size is the signature policy's call).
        let intact = try IdPMetadata.parse(try FixtureFiles.bytes("saml/weak-key/metadata.xml"), now: now)
        #expect(try SAMLSigningKeySet(metadata: intact).count == 1)
    }

    @Test func metadataWithAnUnusableSigningCertificateIsRefusedAtParseTime() throws {
        let bytes = try Self.ed25519Metadata()
        let now = try SAMLOracles.fixedNow.get()
        let error = #expect(throws: SsoError.self) { try IdPMetadata.parse(bytes, now: now) }
        #expect(error?.code == .samlCertificateUnsupportedKey)
        // The same document with the fixture's RSA certificate is accepted and yields keys.
        let okta = try FixtureFiles.text("saml/okta/metadata.xml")
        let metadata = try IdPMetadata.parse(xml: okta, now: now)
        #expect(try SAMLSigningKeySet(metadata: metadata).count == 1)
    }

    @Test func keySetRefusesTheCertificateWithItsOwnCode() throws {
        let text = String(decoding: try Self.ed25519Metadata(), as: UTF8.self)
        let base64 = try #require(text.firstMatch(of: /<ds:X509Certificate>([^<]*)</)?.output.1)
        let certificate = try SAMLCertificate(base64: String(base64))
        #expect(certificate.publicKeyAlgorithm == "Ed25519")
        let error = #expect(throws: SsoError.self) { try SAMLSigningKeySet(certificates: [certificate]) }
        #expect(error?.code == .samlSignatureNoTrustedKey)
    }
}
