import Crypto
import Foundation
import SsoCore
import _CryptoExtras

/// The SP's RSA private key that signs AuthnRequests (RSA-SHA256, PKCS#1 v1.5): HTTP-Redirect
/// query strings, and enveloped XML signatures for HTTP-POST.
public struct SAMLRequestSigningKey: Sendable {
    /// The `SigAlg` URI of RSA-SHA256.
    package static let rsaSHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"

    private let key: _RSA.Signing.PrivateKey

    /// Wraps a swift-crypto RSA key (2048 bits or more).
    package init(_ key: _RSA.Signing.PrivateKey) {
        self.key = key
    }

    /// Loads a PEM RSA private key (`PRIVATE KEY` or `RSA PRIVATE KEY`) of 2048 bits or more.
    ///
    /// - Throws: `saml.request.invalid_setting`; the message never includes key material.
    public init(pem: String) throws(SsoError) {
        do {
            self.key = try _RSA.Signing.PrivateKey(pemRepresentation: pem)
        } catch {
            throw SsoError(
                .samlRequestInvalidSetting, "the request signing key is not a PEM RSA private key of at least 2048 bits"
            )
        }
    }

    /// The key's public half (to verify, or to put in SP metadata through a certificate).
    package var publicKey: _RSA.Signing.PublicKey { key.publicKey }

    /// The key as PEM, for xmlsec inside this module only (never logged, never in an error).
    var pemForXMLSec: String { key.pemRepresentation }

    /// The `SigAlg` this key signs with.
    package var signatureAlgorithm: String { Self.rsaSHA256 }

    /// Signs `bytes` with RSA-SHA256 (PKCS#1 v1.5).
    package func sign(_ bytes: [UInt8]) throws(SsoError) -> [UInt8] {
        do {
            let signature = try key.signature(for: SHA256.hash(data: bytes), padding: .insecurePKCS1v1_5)
            return Array(signature.rawRepresentation)
        } catch {
            throw SsoError(.samlRequestEncodingFailed, "the request could not be signed")
        }
    }
}
