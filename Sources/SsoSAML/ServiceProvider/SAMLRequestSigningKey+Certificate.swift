import SsoCore
import X509
import _CryptoExtras

extension SAMLRequestSigningKey {
    /// Whether `certificate` holds this key's public half: an IdP verifies request signatures
    /// with the certificate it was given, so a key and certificate that do not match would send
    /// requests every IdP refuses.
    public func matches(_ certificate: SAMLCertificate) -> Bool {
        guard let parsed = try? Certificate(derEncoded: certificate.derBytes),
            let certified = _RSA.Signing.PublicKey(parsed.publicKey)
        else { return false }
        return certified.derRepresentation == publicKey.derRepresentation
    }
}
