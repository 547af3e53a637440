/// A private key and its certificate, as PEM, that ``TestSAMLResponseBuilder`` signs with (the IdP's
/// key) or encrypts to (the SP's certificate).
///
/// - Warning: test tooling: the key is plain text in memory.
public struct TestSAMLKeyPair: Sendable, Hashable {
    /// The private key (`PRIVATE KEY`, `RSA PRIVATE KEY` or `EC PRIVATE KEY`).
    public let keyPEM: String
    /// The certificate of the key's public half.
    public let certificatePEM: String

    /// A key pair from PEM text (for instance `Fixtures/saml/keys/okta-key.pem` and `okta-cert.pem`).
    public init(keyPEM: String, certificatePEM: String) {
        self.keyPEM = keyPEM
        self.certificatePEM = certificatePEM
    }
}
