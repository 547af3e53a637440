import Foundation
import SsoLDAP

/// Logins of one LDAP connection: search-then-bind through SsoLDAP with the connection's
/// cached authenticator, groups resolved and mapped to scopes. The password is used for one
/// bind and dropped; it is never stored, logged or put into an error.
struct LDAPLoginFlow: Sendable {
    let context: ConnectionContext
    let settings: LDAPConnectionSettings

    /// The flow of `context`'s connection.
    /// - Throws: `login.protocol_mismatch` when the connection is not LDAP.
    init(_ context: ConnectionContext) throws(SsoError) {
        guard case .ldap(let settings) = context.record.settings else {
            throw SsoError(.loginProtocolMismatch, "the connection is not an LDAP connection")
        }
        self.context = context
        self.settings = settings
    }

    /// Authenticates `username` with `password`.
    /// - Throws: `ldap.*` (`ldap.invalid_credentials` alike for an unknown user and a wrong password).
    func verify(username: String, password: Secret) async throws(SsoError) -> VerifiedLogin {
        let result = try await authenticator().authenticate(username: username, password: password)
        return VerifiedLogin(
            identity: result.identity(connectionID: context.id), issuer: settings.serverURL, scopes: result.scopes)
    }

    /// The engine's cached authenticator for the connection's current settings, created on first use.
    private func authenticator() async throws(SsoError) -> LDAPAuthenticator {
        let engine = context.engine
        let cache = engine.caches.ldap
        if let cached = await cache.authenticator(connectionID: context.id, settings: settings) {
            return cached
        }
        let candidate = try LDAPAuthenticator(
            configuration: try LDAPConfiguration(connectionSettings: settings), connector: engine.ldapConnector,
            logger: engine.logger)
        let (use, retired) = await cache.install(candidate, connectionID: context.id, settings: settings)
        for old in retired { await old.shutdown() }
        return use
    }
}
