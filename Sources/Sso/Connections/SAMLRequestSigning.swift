/// The key and certificate a SAML connection signs its AuthnRequests with: both or neither.
public struct SAMLRequestSigning: Sendable, Equatable {
    /// The SP's PEM RSA private key (2048 bits or more).
    public var key: Secret
    /// The PEM X.509 certificate of `key`, published in the SP metadata for the IdP to verify with.
    public var certificatePEM: String

    /// Request signing with `key`, certified by `certificatePEM`.
    public init(key: Secret, certificatePEM: String) {
        self.key = key
        self.certificatePEM = certificatePEM
    }
}
