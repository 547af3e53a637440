extension SsoEngine {
    /// Takes the pending login under `key` (an OIDC `state` or SAML RelayState) once, for a
    /// callback that does not yet know its organization. Its connection (if any) must still exist
    /// in that organization and not be inactive.
    /// - Throws: `login.invalid_state`.
    package func takePendingLogin(key: String) async throws(SsoError) -> (organization: SsoOrganization, login: SsoPendingLogin) {
        let at = clock.now
        let states = stores.loginStates
        guard let login = try await storeCall("login state", { try await states.take(key, now: at) }),
            let organization = try? organization(login.organizationID)
        else { throw Self.invalidLoginState() }
        if let connectionID = login.connectionID {
            guard (try? await organization.usableConnectionRecord(connectionID)) != nil else { throw Self.invalidLoginState() }
        }
        return (organization, login)
    }

    static func invalidLoginState() -> SsoError {
        SsoError(.loginInvalidState, "the login state is unknown, already used or expired")
    }
}
