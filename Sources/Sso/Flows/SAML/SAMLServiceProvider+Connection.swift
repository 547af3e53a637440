import SsoSAML

extension SAMLServiceProvider {
    /// The service provider a SAML connection's settings describe.
    init(connectionSettings settings: SAMLConnectionSettings) throws(SsoError) {
        var certificate: SAMLCertificate?
        if let pem = settings.requestSigning?.certificatePEM { certificate = try SAMLCertificate(pem: pem) }
        try self.init(
            entityID: settings.entityID, acsURL: settings.assertionConsumerServiceURL, signingCertificate: certificate)
    }
}

extension SAMLRequestSigningKey {
    /// The key a SAML connection signs its AuthnRequests with; `nil` when it signs none.
    /// - Throws: `connection.misconfigured` when the stored key cannot be loaded (it was checked
    ///   when the connection was written, so only a corrupted store gets here).
    init?(connectionSettings settings: SAMLConnectionSettings) throws(SsoError) {
        guard let pem = settings.requestSigning?.key else { return nil }
        do {
            self = try pem.withUnsafeValue { try SAMLRequestSigningKey(pem: $0) }
        } catch {
            throw SsoError(.connectionMisconfigured, "sp_signing_key_pem cannot be loaded")
        }
    }
}
