extension SsoOrganization {
    /// Completes a SAML login (reference: `handle_saml_callback`): the RelayState is taken once
    /// and names the started login; SsoSAML validates the response against the connection's
    /// metadata and that login's AuthnRequest ID (`InResponseTo`), with the engine's shared replay
    /// cache; then the identity is linked or JIT-provisioned and given a session, capped by the
    /// assertion's `SessionNotOnOrAfter`.
    ///
    /// A response without RelayState (IdP-initiated) is refused here; post those to
    /// ``handleSamlCallback(samlResponse:relayState:connectionID:)``.
    /// - Throws: `login.relay_state_missing`, `login.invalid_state`, `login.protocol_mismatch`,
    ///   `saml.*`, `http.*`, `user.*`, `connection.*`, `store.failed`.
    public func handleSamlCallback(samlResponse: String, relayState: String?) async throws(SsoError)
        -> SsoCallbackResponse
    {
        try await SAMLCallback(engine: engine, organization: self).handle(
            samlResponse: samlResponse, relayState: relayState)
    }

    /// ``handleSamlCallback(samlResponse:relayState:)`` with the reference's parameter object.
    public func handleSamlCallback(_ params: SsoSamlCallbackParams) async throws(SsoError) -> SsoCallbackResponse {
        try await handleSamlCallback(samlResponse: params.samlResponse, relayState: params.relayState)
    }

    /// Completes a SAML response posted to the ACS URL of one connection (reference:
    /// `handle_saml_callback`, for deployments that give each connection its own callback route).
    /// This is the entry point for IdP-initiated logins.
    ///
    /// - A `relayState` that names a login started here must belong to `connectionID`; the login
    ///   then runs like ``handleSamlCallback(samlResponse:relayState:)``, bound to its
    ///   AuthnRequest (`InResponseTo`).
    /// - Without `relayState`, or with one the engine did not issue (an IdP-initiated RelayState is
    ///   often a target URL: it is opaque here and never redirected to), the response is
    ///   IdP-initiated. It is accepted only if the connection has `allow_unsolicited`, and then only
    ///   when it carries no `InResponseTo`; the replay cache applies as always.
    ///
    /// IdP-initiated login is weaker than SP-initiated login: nothing ties the response to a
    /// browser that started a login here, so a stolen response can be posted by anyone until it is
    /// first used. It is off by default.
    /// - Throws: `connection.not_found`, `connection.inactive`, `login.protocol_mismatch` (not a SAML
    ///   connection, or the state of an OIDC login), `login.connection_mismatch`, `login.invalid_state`,
    ///   `saml.unsolicited`, `saml.*`, `http.*`, `user.*`, `store.failed`.
    public func handleSamlCallback(samlResponse: String, relayState: String?, connectionID: String)
        async throws(SsoError) -> SsoCallbackResponse
    {
        try await SAMLCallback(engine: engine, organization: self).handle(
            samlResponse: samlResponse, relayState: relayState, connectionID: connectionID)
    }

    /// ``handleSamlCallback(samlResponse:relayState:connectionID:)`` with the reference's parameter object.
    public func handleSamlCallback(_ params: SsoSamlCallbackParams, connectionID: String) async throws(SsoError)
        -> SsoCallbackResponse
    {
        try await handleSamlCallback(
            samlResponse: params.samlResponse, relayState: params.relayState, connectionID: connectionID)
    }
}
