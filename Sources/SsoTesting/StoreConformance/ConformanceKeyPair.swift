import Crypto
import Foundation
import Sso
import SwiftASN1
import X509
import _CryptoExtras

extension TestSAMLKeyPair {
    /// A fresh RSA-2048 key and self-signed certificate, for the SAML request signing of the
    /// round-trip check (the store only persists them).
    static func conformanceRequestSigning() throws -> TestSAMLKeyPair {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let name = try DistinguishedName { CommonName("swift-sso store conformance SP (TEST ONLY)") }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(),
            publicKey: Certificate.PublicKey(key.publicKey), notValidBefore: SsoStoreConformance.baseDate,
            notValidAfter: SsoStoreConformance.farFuture, issuer: name, subject: name,
            signatureAlgorithm: .sha256WithRSAEncryption, extensions: Certificate.Extensions(),
            issuerPrivateKey: Certificate.PrivateKey(key))
        return TestSAMLKeyPair(
            keyPEM: key.pemRepresentation, certificatePEM: try certificate.serializeAsPEM().pemString)
    }

    /// The base64 DER of ``certificatePEM``, as IdP metadata embeds it.
    var certificateBase64: String {
        certificatePEM.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
    }
}
