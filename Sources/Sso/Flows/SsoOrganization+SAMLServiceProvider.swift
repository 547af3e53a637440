import SsoSAML

extension SsoOrganization {
    /// This application's SAML service-provider metadata for connection `connectionID`, to give
    /// the IdP when setting the connection up: the entity id, the ACS URL (HTTP-POST) and, when
    /// the connection signs AuthnRequests, its signing certificate (`AuthnRequestsSigned="true"`).
    /// - Throws: `connection.not_found`, `login.protocol_mismatch` for a connection that is not
    ///   SAML, `saml.request.invalid_setting`.
    public func serviceProviderMetadata(connectionID: String) async throws(SsoError) -> String {
        let connection = try await connectionRecord(connectionID)
        guard case .saml(let settings) = connection.settings else {
            throw SsoError(.loginProtocolMismatch, "the connection is not a SAML connection")
        }
        return try Self.serviceProvider(settings).metadataXML()
    }

    /// The SsoSAML service provider of a connection's settings.
    static func serviceProvider(_ settings: SAMLConnectionSettings) throws(SsoError) -> SAMLServiceProvider {
        var certificate: SAMLCertificate?
        if let pem = settings.requestSigning?.certificatePEM { certificate = try SAMLCertificate(pem: pem) }
        return try SAMLServiceProvider(
            entityID: settings.entityID, acsURL: settings.assertionConsumerServiceURL, signingCertificate: certificate)
    }

    /// The key AuthnRequests of the connection are signed with, if it has one.
    /// - Throws: `connection.misconfigured` when the stored key cannot be loaded (it was checked
    ///   when the connection was written, so only a corrupted store gets here).
    static func requestSigningKey(_ settings: SAMLConnectionSettings) throws(SsoError) -> SAMLRequestSigningKey? {
        guard let pem = settings.requestSigning?.key else { return nil }
        do {
            return try pem.withUnsafeValue { try SAMLRequestSigningKey(pem: $0) }
        } catch {
            throw SsoError(.connectionMisconfigured, "sp_signing_key_pem cannot be loaded")
        }
    }
}
