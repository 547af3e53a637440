/// Opens connections to a directory server. The engine and the authenticator only talk to
/// directories through this protocol, so tests can inject a fake (see `SsoTesting`).
///
/// The shipped implementation is ``LibLDAPConnector``. Methods throw ``/SsoCore/SsoError`` with
/// `ldap.*` codes: `ldap.server_down`, `ldap.timeout`, `ldap.tls_failed` for transport failures.
public protocol LDAPConnector: Sendable {
    /// Opens a connection to `endpoint` (TCP, then StartTLS or LDAPS as configured), finishing by
    /// `deadline`.
    func connect(to endpoint: LDAPEndpoint, deadline: ContinuousClock.Instant) async throws -> any LDAPConnection
}

/// One open connection to a directory server. Operations on one connection are serialised.
public protocol LDAPConnection: Sendable {
    /// Sends a simple bind. Returns the server's answer, whether it accepted the credentials or
    /// not; throws only when no answer arrived (transport failure, timeout).
    func bind(_ request: LDAPBindRequest, deadline: ContinuousClock.Instant) async throws -> LDAPBindResponse

    /// Searches and returns the entries. Throws `ldap.size_limit_exceeded` when more entries than
    /// `request.sizeLimit` match, `ldap.search_failed` for a server-side error.
    func search(_ request: LDAPSearchRequest, deadline: ContinuousClock.Instant) async throws -> [LDAPEntry]

    /// Unbinds and closes. Idempotent; later operations throw `ldap.connection_closed`.
    func close() async
}
