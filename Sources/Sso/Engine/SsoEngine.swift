import Foundation
import Logging
import SsoLDAP

/// The embedded SSO engine: organizations, their connections, enforcement, sessions and
/// legacy configs, over injected stores, clock, randomness, HTTP transport and logger.
///
/// Multi-tenant: ``organization(_:)`` returns a handle scoped to one organization; no operation
/// through it can read or change another organization's data. Domain claims are engine-wide: a
/// domain routes to at most one connection across all organizations.
///
/// ```swift
/// let engine = SsoEngine()
/// let org = try engine.organization("org_acme")
/// let okta = try await org.createConnection(.oidc(
///     name: "Okta Production", issuerURL: "https://mycompany.okta.com",
///     clientID: "client-id", clientSecret: Secret("client-secret"), domains: ["mycompany.com"]))
/// ```
public struct SsoEngine: Sendable {
    /// The engine-wide limits and lifetimes.
    public let settings: Settings
    /// The stores the engine reads and writes; every organization's data lives in them.
    public let stores: SsoStores
    /// The clock that timestamps records and judges every expiry (stores are passed its `now`).
    public let clock: any SsoClock
    /// The randomness behind ids, login-state keys, nonces, PKCE verifiers and SAML request ids; it must be
    /// cryptographically secure, or those become guessable.
    public let random: any RandomSource
    /// The transport for IdP metadata, discovery, JWKS and token requests.
    public let httpTransport: any HTTPTransport
    /// How LDAP connections reach their directory (default: libldap).
    public let ldapConnector: any LDAPConnector
    /// Where the engine logs its events (never secrets); a no-op logger by default.
    public let logger: Logger
    /// Per-engine protocol caches (OIDC discovery and keys per issuer, SAML metadata per connection).
    let caches: SsoEngineCaches

    /// Creates an engine. Every dependency has a default: in-memory stores, the system clock,
    /// the system's secure random source, a transport that refuses all requests, the libldap
    /// connector, and a no-op logger.
    public init(
        settings: Settings = Settings(),
        stores: SsoStores = SsoStores(),
        clock: any SsoClock = SystemClock(),
        random: any RandomSource = SystemRandomSource(),
        httpTransport: any HTTPTransport = NoHTTPTransport(),
        ldapConnector: any LDAPConnector = LibLDAPConnector(),
        logger: Logger = .ssoDisabled
    ) {
        self.settings = settings
        self.stores = stores
        self.clock = clock
        self.random = random
        self.httpTransport = httpTransport
        self.ldapConnector = ldapConnector
        self.logger = logger
        self.caches = SsoEngineCaches()
    }

    /// The handle for organization `id` (any non-empty text of at most 256 bytes without
    /// control characters or surrounding white space).
    /// - Throws: `organization.invalid_id`.
    public func organization(_ id: String) throws(SsoError) -> SsoOrganization {
        guard !id.isEmpty, id.utf8.count <= 256,
            !id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
            id.trimmingCharacters(in: .whitespacesAndNewlines).bytesEqual(id)
        else {
            throw SsoError(
                .organizationInvalidID, "an organization id must be 1-256 bytes of text without control characters")
        }
        return SsoOrganization(id: id, engine: self)
    }

    /// The connection an email address or bare domain routes to, in any organization.
    ///
    /// The connection is returned whatever its status; login flows refuse one that is not active.
    /// - Throws: `routing.invalid_email` / `routing.invalid_domain`, `routing.no_connection`.
    public func route(_ emailOrDomain: String) async throws(SsoError) -> SsoConnection {
        SsoConnection(try await routeRecord(emailOrDomain))
    }

    func routeRecord(_ emailOrDomain: String) async throws(SsoError) -> SsoConnectionRecord {
        let domain =
            emailOrDomain.contains("@") ? try EmailAddress(emailOrDomain).domain : try DomainName(emailOrDomain)
        let connections = stores.connections
        guard let record = try await storeCall("connection", { try await connections.route(domain) }) else {
            throw SsoError(.routingNoConnection, "no SSO connection is configured for this domain")
        }
        return record
    }

    /// Runs a store call, turning a foreign error into `store.failed`.
    @discardableResult
    func storeCall<T: Sendable>(_ store: String, _ body: () async throws -> T) async throws(SsoError) -> T {
        do {
            return try await body()
        } catch let error as SsoError {
            throw error
        } catch {
            logger.error("sso store failed", metadata: ["store": "\(store)"])
            throw SsoError(.storeFailed, "the \(store) store failed", underlying: error)
        }
    }
}
