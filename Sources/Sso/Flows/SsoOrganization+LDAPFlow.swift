import Foundation
import SsoLDAP

extension SsoOrganization {
    /// Authenticates a user against an LDAP connection (reference: `handle_ldap_callback`):
    /// search-then-bind through SsoLDAP, groups resolved and mapped to scopes, then the identity
    /// is linked or JIT-provisioned and given a session. The password is used for one bind and
    /// dropped; it is never stored, logged or put into an error.
    /// - Throws: `ldap.*` (`ldap.invalid_credentials` alike for an unknown user and a wrong
    ///   password), `login.protocol_mismatch`, `user.*`, `connection.*`, `store.failed`.
    public func handleLdapCallback(username: String, password: Secret, connectionID: String) async throws(SsoError)
        -> SsoCallbackResponse
    {
        let connection = try await usableConnectionRecord(connectionID)
        guard case .ldap(let settings) = connection.settings else {
            throw SsoError(.loginProtocolMismatch, "the connection is not an LDAP connection")
        }
        let authenticator = try await ldapAuthenticator(connection: connection, settings: settings)
        let result = try await authenticator.authenticate(username: username, password: password)
        let identity = result.identity(connectionID: connection.id)
        let outcome = try await completeLogin(identity: identity, connectionID: connection.id, issuer: settings.serverURL)
        return Self.response(outcome, identity: identity, connectionID: connection.id, scopes: result.scopes)
    }

    /// ``handleLdapCallback(username:password:connectionID:)`` with the reference's parameter object.
    public func handleLdapCallback(_ params: SsoLdapCallbackParams) async throws(SsoError) -> SsoCallbackResponse {
        try await handleLdapCallback(username: params.username, password: params.password, connectionID: params.connectionID)
    }

    /// The engine's cached authenticator for the connection's current settings, created on first use.
    private func ldapAuthenticator(connection: SsoConnectionRecord, settings: LDAPConnectionSettings) async throws(SsoError)
        -> LDAPAuthenticator
    {
        let cache = engine.caches.ldap
        if let cached = await cache.authenticator(connectionID: connection.id, settings: settings) {
            return cached
        }
        let candidate = try LDAPAuthenticator(
            configuration: try Self.ldapConfiguration(settings), connector: engine.ldapConnector, logger: logger)
        let (use, retired) = await cache.install(candidate, connectionID: connection.id, settings: settings)
        for old in retired { await old.shutdown() }
        return use
    }

    /// Shuts down the cached LDAP authenticator of a deleted or deactivated connection.
    func retireLDAPAuthenticator(connectionID: String) async {
        await engine.caches.ldap.remove(connectionID: connectionID)?.shutdown()
    }

    /// The SsoLDAP configuration of a connection's settings.
    static func ldapConfiguration(_ settings: LDAPConnectionSettings) throws(SsoError) -> LDAPConfiguration {
        let security: LDAPTransportSecurity =
            switch settings.tlsMode {
            case .starttls: .startTLS
            case .ldaps: .ldaps
            case .plain: .unsafePlaintext
            }
        let trust: LDAPTrustRoots = settings.caCertificatePEM.map { .pem($0) } ?? .systemDefault
        let endpoint = try LDAPEndpoint(url: settings.serverURL, security: security, tls: LDAPTLSConfiguration(trustRoots: trust))
        let groups: LDAPGroupConfiguration =
            switch settings.groupMode {
            case .memberOf: LDAPGroupConfiguration(mode: .memberOf, base: settings.groupSearchBase, nested: .none)
            case .groupSearch: LDAPGroupConfiguration(mode: .member(), base: settings.groupSearchBase, nested: .none)
            case .nestedGroupSearch:
                LDAPGroupConfiguration(mode: .member(), base: settings.groupSearchBase, nested: .walk(maximumDepth: 8))
            }
        return LDAPConfiguration(
            endpoint: endpoint, serviceAccount: .bind(dn: settings.bindDN, password: settings.bindPassword),
            userLookup: .search(base: settings.userSearchBase, attribute: settings.userAttribute, filter: settings.userFilter),
            groups: groups, groupMapping: settings.groupMapping, requireGroup: settings.requireGroup)
    }
}
