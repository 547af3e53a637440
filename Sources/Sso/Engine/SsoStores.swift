/// Every store the engine uses. Defaults are in-memory actors; swap any of them for a
/// persistent implementation of the same protocol.
public struct SsoStores: Sendable {
    /// Connections and their domain claims.
    public var connections: any SsoConnectionStore
    /// SSO sessions.
    public var sessions: any SsoSessionStore
    /// Enforcement policies and legacy configs.
    public var organizations: any SsoOrganizationStore
    /// Developer records keyed by (connection, subject).
    public var users: any SsoUserDirectory
    /// Pending logins (OIDC state/nonce/PKCE, SAML request ids), single use with a TTL.
    public var loginStates: any SingleUseStore<SsoPendingLogin>
    /// Seen SAML assertion ids and similar one-time identifiers.
    public var replayCache: any ReplayCache

    /// Creates the set of stores; each one not given is a fresh in-memory store (one process only, lost
    /// on restart).
    public init(
        connections: any SsoConnectionStore = InMemoryConnectionStore(),
        sessions: any SsoSessionStore = InMemorySessionStore(),
        organizations: any SsoOrganizationStore = InMemoryOrganizationStore(),
        users: any SsoUserDirectory = InMemoryUserDirectory(),
        loginStates: any SingleUseStore<SsoPendingLogin> = InMemorySingleUseStore<SsoPendingLogin>(),
        replayCache: any ReplayCache = InMemoryReplayCache()
    ) {
        self.connections = connections
        self.sessions = sessions
        self.organizations = organizations
        self.users = users
        self.loginStates = loginStates
        self.replayCache = replayCache
    }

    /// Fresh in-memory stores (the default).
    public static func inMemory() -> SsoStores { SsoStores() }
}
