extension SsoOrganization {
    /// Completes an OIDC login (reference: `handle_oidc_callback`): the state is taken once (an
    /// unknown, replayed or expired state fails), the code is exchanged with the stored PKCE
    /// verifier, the ID token is validated with the stored nonce, and the identity is linked or
    /// JIT-provisioned and given a session. `iss` is the callback's RFC 9207 parameter: when
    /// given, it must be the provider's issuer.
    /// - Throws: `login.invalid_state`, `login.protocol_mismatch`, `oidc.*`, `http.*`,
    ///   `user.identity_rejected`, `user.not_provisioned`, `connection.*`, `store.failed`.
    public func handleOidcCallback(code: String, state: String, iss: String? = nil) async throws(SsoError)
        -> SsoCallbackResponse
    {
        try await OIDCLoginCallback(engine: engine, organization: self).handle(code: code, state: state, iss: iss)
    }

    /// ``handleOidcCallback(code:state:iss:)`` with the reference's parameter object.
    public func handleOidcCallback(_ params: SsoOidcCallbackParams) async throws(SsoError) -> SsoCallbackResponse {
        try await handleOidcCallback(code: params.code.unsafeValue, state: params.state, iss: params.iss)
    }
}

extension SsoEngine {
    /// Completes an OIDC callback when the route does not know the organization: the state names
    /// it. Same checks as ``SsoOrganization/handleOidcCallback(code:state:iss:)``.
    public func handleOidcCallback(code: String, state: String, iss: String? = nil) async throws(SsoError)
        -> SsoCallbackResponse
    {
        try await OIDCLoginCallback(engine: self, organization: nil).handle(code: code, state: state, iss: iss)
    }
}
