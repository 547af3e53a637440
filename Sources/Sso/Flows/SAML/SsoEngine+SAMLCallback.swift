extension SsoEngine {
    /// Completes a SAML callback when the route does not know the organization: the RelayState
    /// names it. Same checks as ``SsoOrganization/handleSamlCallback(samlResponse:relayState:)``.
    public func handleSamlCallback(samlResponse: String, relayState: String?) async throws(SsoError)
        -> SsoCallbackResponse
    {
        try await SAMLCallback(engine: self, organization: nil).handle(
            samlResponse: samlResponse, relayState: relayState)
    }

    /// Completes a SAML response posted to the ACS URL of connection `connectionID` when the route
    /// does not know the organization: the connection names it. Same checks as
    /// ``SsoOrganization/handleSamlCallback(samlResponse:relayState:connectionID:)``, including
    /// IdP-initiated responses for connections that allow them.
    public func handleSamlCallback(samlResponse: String, relayState: String?, connectionID: String)
        async throws(SsoError) -> SsoCallbackResponse
    {
        try await SAMLCallback(engine: self, organization: nil).handle(
            samlResponse: samlResponse, relayState: relayState, connectionID: connectionID)
    }
}
