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
        return try SAMLServiceProvider(connectionSettings: settings).metadataXML()
    }
}
