extension SsoOrganization {
    /// Authenticates a user against an LDAP connection (reference: `handle_ldap_callback`):
    /// SsoLDAP checks the credentials by search-then-bind (the service account finds the user's
    /// entry, the password binds as it), then the identity is linked or JIT-provisioned and given
    /// a session.
    /// - Throws: `ldap.*` (`ldap.invalid_credentials` alike for an unknown user and a wrong
    ///   password), `login.protocol_mismatch`, `user.*`, `connection.*`, `store.failed`.
    public func handleLdapCallback(username: String, password: Secret, connectionID: String) async throws(SsoError)
        -> SsoCallbackResponse
    {
        let context = try await ConnectionContext.usable(connectionID, in: self)
        let login = try await LDAPLoginFlow(context).verify(username: username, password: password)
        return try await LoginCompletion(context: context).response(for: login)
    }

    /// ``handleLdapCallback(username:password:connectionID:)`` with the reference's parameter object.
    public func handleLdapCallback(_ params: SsoLdapCallbackParams) async throws(SsoError) -> SsoCallbackResponse {
        try await handleLdapCallback(
            username: params.username, password: params.password, connectionID: params.connectionID)
    }
}
