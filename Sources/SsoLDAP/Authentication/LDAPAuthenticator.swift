import Foundation
import Logging

/// Authenticates users against one directory: search-then-bind (or direct bind), groups, scopes.
///
/// ```swift
/// let authenticator = try LDAPAuthenticator(configuration: configuration)
/// let result = try await authenticator.authenticate(username: "alice", password: Secret(typed))
/// ```
/// Every failure is an ``/SsoCore/SsoError`` with an `ldap.*` code. The empty password is refused
/// before any network traffic; the username is escaped (RFC 4515 / 4514); exactly one entry must match;
/// a missing user and a wrong password take the same path and give the same error; the identity
/// is the DN and id the server returned. One deadline bounds the whole authentication.
public final class LDAPAuthenticator: Sendable {
    /// The validated configuration.
    public let configuration: LDAPConfiguration
    let connector: any LDAPConnector
    let pool: LDAPConnectionPool
    let admission: LDAPAdmission
    let mapper: LDAPGroupMapper
    let logger: Logger

    /// Validates `configuration` (throws `ldap.invalid_configuration`) and prepares the pool.
    /// No connection is opened until the first authentication.
    public init(
        configuration: LDAPConfiguration, connector: any LDAPConnector = LibLDAPConnector(),
        logger: Logger = .ssoDisabled
    ) throws(SsoError) {
        try configuration.validate()
        self.configuration = configuration
        self.connector = connector
        self.pool = LDAPConnectionPool(
            connector: connector, endpoint: configuration.endpoint,
            account: configuration.serviceAccount, maximumSize: configuration.poolSize)
        self.mapper = LDAPGroupMapper(configuration.groupMapping)
        self.admission = LDAPAdmission(limit: configuration.maximumConcurrentBinds)
        self.logger = logger
    }

    /// Closes the pooled connections. Later authentications fail with `ldap.connection_closed`.
    public func shutdown() async {
        await pool.shutdown()
    }

    /// Authenticates `username` with `password`. The password is used for one bind and dropped.
    public func authenticate(username: String, password: Secret) async throws(SsoError) -> LDAPAuthenticationResult {
        try LDAPCredentialCheck.validate(username: username, password: password, configuration: configuration)
        let deadline = ContinuousClock.now + configuration.authenticationTimeout
        do {
            let result: LDAPAuthenticationResult
            switch configuration.userLookup {
            case .search(let base, let attribute, let filter, let scope):
                result = try await searchThenBind(
                    username: username, password: password, base: base, attribute: attribute,
                    filter: filter, scope: scope, deadline: deadline)
            case .directBind(let template, _):
                result = try await directBind(
                    username: username, password: password, template: template, deadline: deadline)
            }
            logger.debug("ldap authentication succeeded", metadata: ["dn": "\(result.dn)"])
            return result
        } catch {
            let failure = LDAPErrors.wrap(error)
            logger.debug("ldap authentication failed", metadata: ["code": "\(failure.code.rawValue)"])
            throw failure
        }
    }

    /// Checks the connection the way the engine's `testConnection` needs: connect with the
    /// configured TLS, bind the service account, read the user base entry. Throws on failure.
    public func testConnection() async throws(SsoError) {
        let deadline = ContinuousClock.now + configuration.authenticationTimeout
        let base: String
        switch configuration.userLookup {
        case .search(let searchBase, _, _, _): base = searchBase
        case .directBind(let template, let searchBase):
            base = searchBase ?? template.components(separatedBy: ",").dropFirst().joined(separator: ",")
        }
        do {
            try await withFreshConnection(deadline: deadline) { connection in
                if let dn = configuration.serviceAccount.dn, let password = configuration.serviceAccount.password {
                    let response = try await connection.bind(
                        LDAPBindRequest(dn: dn, password: password, requestPasswordPolicy: false),
                        deadline: deadline)
                    guard response.resultCode == .success else {
                        throw SsoError(
                            .ldapServiceBindFailed,
                            "the service account could not bind (result \(response.resultCode.rawValue))")
                    }
                }
                let entries = try await connection.search(
                    LDAPSearchRequest(
                        base: base, scope: .base, filter: "(objectClass=*)", attributes: [], sizeLimit: 1),
                    deadline: deadline)
                guard !entries.isEmpty else {
                    throw SsoError(.ldapSearchFailed, "the user base \(base) cannot be read")
                }
            }
        } catch {
            throw LDAPErrors.wrap(error)
        }
    }

    // MARK: - Connections

    /// Runs `body` on a new connection (for a user's own bind) and always closes it. At most
    /// `maximumConcurrentBinds` of these run at once.
    func withFreshConnection<T: Sendable>(
        deadline: ContinuousClock.Instant,
        _ body: (any LDAPConnection) async throws -> T
    ) async throws -> T {
        try await admission.enter(deadline: deadline)
        do {
            let connection = try await connector.connect(to: configuration.endpoint, deadline: deadline)
            do {
                let value = try await body(connection)
                await connection.close()
                await admission.leave()
                return value
            } catch {
                await connection.close()
                throw error
            }
        } catch {
            await admission.leave()
            throw error
        }
    }

    /// Runs `body` on a pooled service connection; retries once on a fresh connection when a
    /// pooled one turns out to be dead (servers drop idle connections).
    func withServiceConnection<T: Sendable>(
        deadline: ContinuousClock.Instant,
        _ body: (any LDAPConnection) async throws -> T
    ) async throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            let connection = try await pool.acquire(deadline: deadline)
            do {
                let value = try await body(connection)
                await pool.release(connection, reusable: true)
                return value
            } catch {
                let failure = LDAPErrors.wrap(error)
                let broken = LDAPErrors.breaksConnection(failure)
                await pool.release(connection, reusable: !broken)
                let retry =
                    attempt == 1 && [.ldapServerDown, .ldapConnectionClosed].contains(failure.code)
                    && deadline > ContinuousClock.now
                if !retry { throw failure }
            }
        }
    }
}
