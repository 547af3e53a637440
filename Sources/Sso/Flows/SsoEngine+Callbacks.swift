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
        let (organization, pending) = try await takePendingLogin(key: state)
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

    /// Completes a legacy single-config callback (reference: `handle_callback`); the state names
    /// the organization.
    public func handleCallback(code: String, state: String) async throws(SsoError) -> SsoLegacyCallbackResponse {
        let (organization, pending) = try await takePendingLogin(key: state)
        return try await organization.completeLegacyCallback(code: code, state: state, pending: pending)
    }

    /// Takes the pending login under `key` (once) with the handle of the organization it belongs to.
    private func takePendingLogin(key: String) async throws(SsoError) -> (SsoOrganization, SsoPendingLogin) {
        let invalid = SsoError(.loginInvalidState, "the login state is unknown, already used or expired")
        guard !key.isEmpty, key.utf8.count <= 512 else { throw invalid }
        let at = clock.now
        let states = stores.loginStates
        guard let pending = try await storeCall("login state", { try await states.take(key, now: at) }),
            let handle = try? organization(pending.organizationID)
        else { throw invalid }
        if let connectionID = pending.connectionID {
            guard (try? await handle.usableConnectionRecord(connectionID)) != nil else { throw invalid }
        }
        return (handle, pending)
    }
}
