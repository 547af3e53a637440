import Foundation

extension SsoEngine {
    /// Starts a legacy single-config login for organization `org` (reference: `get_login_url(org)`).
    /// - Throws: `organization.invalid_id`, and as ``SsoOrganization/getLegacyLoginURL()``.
    public func getLoginURL(org: String) async throws(SsoError) -> SsoLoginResponse {
        try await organization(org).getLegacyLoginURL()
    }

    /// Completes an OIDC callback when the route does not know the organization: the state names
    /// it. Same checks as ``SsoOrganization/handleOidcCallback(code:state:)``.
    public func handleOidcCallback(code: String, state: String) async throws(SsoError) -> SsoCallbackResponse {
        let (organization, pending) = try await takePendingLogin(key: try Self.stateKey(state))
        return try await organization.completeOIDCCallback(code: code, state: state, pending: pending)
    }

    /// Completes a SAML callback when the route does not know the organization: the RelayState
    /// names it. Same checks as ``SsoOrganization/handleSamlCallback(samlResponse:relayState:)``.
    public func handleSamlCallback(samlResponse: String, relayState: String?) async throws(SsoError)
        -> SsoCallbackResponse
    {
        let key = try SsoOrganization.relayStateKey(relayState)
        let (organization, pending) = try await takePendingLogin(key: key)
        return try await organization.completeSAMLCallback(samlResponse: samlResponse, pending: pending)
    }

    /// Completes a SAML response posted to the ACS URL of connection `connectionID` when the route
    /// does not know the organization: the connection names it. Same checks as
    /// ``SsoOrganization/handleSamlCallback(samlResponse:relayState:connectionID:)``, including
    /// IdP-initiated responses for connections that allow them.
    public func handleSamlCallback(samlResponse: String, relayState: String?, connectionID: String)
        async throws(SsoError) -> SsoCallbackResponse
    {
        guard SsoID.isValid(connectionID, prefix: SsoID.connectionPrefix) else {
            throw SsoOrganization.connectionNotFound()
        }
        let connections = stores.connections
        guard let record = try await storeCall("connection", { try await connections.connection(id: connectionID) })
        else { throw SsoOrganization.connectionNotFound() }
        return try await organization(record.organizationID).handleSamlCallback(
            samlResponse: samlResponse, relayState: relayState, connectionID: connectionID)
    }

    /// Completes a legacy single-config callback (reference: `handle_callback`); the state names
    /// the organization.
    public func handleCallback(code: String, state: String) async throws(SsoError) -> SsoLegacyCallbackResponse {
        let (organization, pending) = try await takePendingLogin(key: try Self.stateKey(state))
        return try await organization.completeLegacyCallback(code: code, state: state, pending: pending)
    }

    /// A callback's `state` if it can be a key the engine issued.
    static func stateKey(_ state: String) throws(SsoError) -> String {
        guard !state.isEmpty, state.utf8.count <= 512 else { throw invalidLoginState() }
        return state
    }
}
