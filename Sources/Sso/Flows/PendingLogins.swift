import Foundation

/// A pending login taken (once) from the login-state store, with the organization it belongs
/// to and its connection, read once.
struct TakenLogin: Sendable {
    let login: SsoPendingLogin
    let organization: SsoOrganization
    /// The login's connection; `nil` for the legacy single-config flow.
    let connection: ConnectionContext?
}

extension SsoEngine {
    /// Takes the pending login under `key` (an OIDC `state` or SAML RelayState) once. Its
    /// connection (if any) must still exist in its organization and not be inactive.
    /// - Throws: `login.invalid_state`; `store.failed` when the store fails (a store failure is
    ///   never reported as an unknown state).
    func takePendingLogin(key: String) async throws(SsoError) -> TakenLogin {
        guard let login = try await takeLoginState(key), let organization = try? organization(login.organizationID)
        else { throw Self.invalidLoginState() }
        guard let connectionID = login.connectionID else {
            return TakenLogin(login: login, organization: organization, connection: nil)
        }
        do {
            let context = try await ConnectionContext.usable(connectionID, in: organization)
            return TakenLogin(login: login, organization: organization, connection: context)
        } catch  where error.code == .connectionNotFound || error.code == .connectionInactive {
            throw Self.invalidLoginState()
        }
    }

    /// Takes whatever is stored under `key`, once; `nil` when nothing is.
    func takeLoginState(_ key: String) async throws(SsoError) -> SsoPendingLogin? {
        let at = clock.now
        let states = stores.loginStates
        return try await storeCall("login state") { try await states.take(key, now: at) }
    }

    static func invalidLoginState(file: String = #fileID, line: Int = #line) -> SsoError {
        SsoError(.loginInvalidState, "the login state is unknown, already used or expired", file: file, line: line)
    }
}

extension SsoOrganization {
    /// Saves a started login under `key` (the OIDC `state` or SAML RelayState) for the engine's
    /// login-state TTL.
    func savePendingLogin(_ login: SsoPendingLogin, key: String) async throws(SsoError) {
        guard login.organizationID.bytesEqual(id) else {
            throw SsoError(.loginInvalidState, "the pending login belongs to another organization")
        }
        let at = now
        let expiresAt = at.addingTimeInterval(engine.settings.loginStateTTL)
        let states = stores.loginStates
        try await storeCall("login state") {
            try await states.insert(
                login, forKey: key, group: Self.pendingLoginGroup(connectionID: login.connectionID, organizationID: id),
                expiresAt: expiresAt, now: at)
        }
    }

    /// Takes the pending login under `key`, once; it must belong to this organization.
    /// - Throws: `login.invalid_state`, `store.failed`.
    func takePendingLogin(key: String) async throws(SsoError) -> TakenLogin {
        let taken = try await engine.takePendingLogin(key: key)
        guard taken.organization.id.bytesEqual(id) else { throw SsoEngine.invalidLoginState() }
        return taken
    }

    /// Removes every pending login of `connectionID` (or of the legacy config when `nil`).
    func discardPendingLogins(connectionID: String?) async throws(SsoError) {
        let group = Self.pendingLoginGroup(connectionID: connectionID, organizationID: id)
        let states = stores.loginStates
        _ = try await storeCall("login state") { try await states.removeAll(group: group) }
    }

    /// The login-state group of a connection's pending logins: its id (connection ids are unique
    /// in the engine), or for the legacy config, a key no connection id can take.
    static func pendingLoginGroup(connectionID: String?, organizationID: String) -> String {
        connectionID ?? "legacy:\(organizationID)"
    }

    /// A fresh random key for a pending login (256 bits, base64url, 43 characters).
    func newLoginKey() -> String {
        Base64URL.encode(engine.random.bytes(32))
    }
}
