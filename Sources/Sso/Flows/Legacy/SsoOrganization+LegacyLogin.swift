extension SsoOrganization {
    /// The user-directory key of the legacy config's users (no connection id can collide with it).
    var legacyConnectionKey: String { "sso_config:" + id }

    /// Starts a legacy single-config login (reference: `get_login_url(org)`): state, nonce and
    /// PKCE stored single use, for the organization's config and its registered redirect URI.
    /// The response has only `authorize_url`.
    /// - Throws: `config.not_found`, `oidc.*`, `http.*`, `store.failed`.
    public func getLegacyLoginURL() async throws(SsoError) -> SsoLoginResponse {
        let flow = LegacyLoginFlow(organization: self, config: try await configRecord())
        return SsoLoginResponse(authorizeURL: try await flow.start())
    }

    /// Completes a legacy single-config login (reference: `handle_callback`): state taken once,
    /// code exchanged with PKCE, ID token validated with the nonce, then the identity rules of the
    /// connection flows without their domain allow-list (a legacy config claims no domains). A
    /// session is created like in the other flows, listed and revoked with them; the legacy
    /// response carries its id as the extra `session_id`.
    /// - Throws: `login.invalid_state`, `login.protocol_mismatch`, `config.not_found`, `oidc.*`,
    ///   `http.*`, `user.identity_rejected`, `store.failed`.
    public func handleCallback(code: String, state: String) async throws(SsoError) -> SsoLegacyCallbackResponse {
        try await completeLegacyCallback(code: code, state: state, taken: try await takePendingLogin(key: state))
    }

    fileprivate func completeLegacyCallback(code: String, state: String, taken: TakenLogin) async throws(SsoError)
        -> SsoLegacyCallbackResponse
    {
        guard taken.login.protocol == .oidc, taken.login.connectionID == nil else {
            throw SsoError(.loginProtocolMismatch, "the state belongs to a login of another kind")
        }
        let flow = LegacyLoginFlow(organization: self, config: try await configRecord())
        return try await flow.complete(code: code, state: state, pending: taken.login)
    }
}

extension SsoEngine {
    /// Starts a legacy single-config login for organization `org` (reference: `get_login_url(org)`).
    /// - Throws: `organization.invalid_id`, and as ``SsoOrganization/getLegacyLoginURL()``.
    public func getLoginURL(org: String) async throws(SsoError) -> SsoLoginResponse {
        try await organization(org).getLegacyLoginURL()
    }

    /// Completes a legacy single-config callback (reference: `handle_callback`); the state names
    /// the organization.
    public func handleCallback(code: String, state: String) async throws(SsoError) -> SsoLegacyCallbackResponse {
        let taken = try await takePendingLogin(key: try Self.stateKey(state))
        return try await taken.organization.completeLegacyCallback(code: code, state: state, taken: taken)
    }
}
