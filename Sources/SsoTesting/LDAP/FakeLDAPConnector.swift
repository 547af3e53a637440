import SsoLDAP

/// An ``/SsoLDAP/LDAPConnector`` backed by a ``FakeLDAPDirectory``.
public struct FakeLDAPConnector: LDAPConnector {
    let directory: FakeLDAPDirectory

    public func connect(to endpoint: LDAPEndpoint, deadline: ContinuousClock.Instant) async throws -> any LDAPConnection
    {
        let (failure, delay) = directory.state.withLock { value in
            value.counters.connects += 1
            return (value.failure, value.delay)
        }
        try await FakeLDAPConnection.wait(delay, deadline: deadline)
        if let failure { throw failure }
        directory.state.withLock { value in
            value.counters.openConnections += 1
            value.counters.peakOpenConnections = max(value.counters.peakOpenConnections, value.counters.openConnections)
        }
        return FakeLDAPConnection(directory: directory)
    }
}

/// A connection to a ``FakeLDAPDirectory``.
final class FakeLDAPConnection: LDAPConnection {
    private let directory: FakeLDAPDirectory
    private let closed = LockedValue(false)

    init(directory: FakeLDAPDirectory) {
        self.directory = directory
    }

    static func wait(_ delay: Duration, deadline: ContinuousClock.Instant) async throws {
        guard delay > .zero else { return }
        if ContinuousClock.now + delay > deadline {
            try await Task.sleep(until: deadline, clock: .continuous)
            throw SsoError(.ldapTimeout, "the directory did not answer in time")
        }
        try await Task.sleep(for: delay)
    }

    private func check(deadline: ContinuousClock.Instant) async throws {
        guard !closed.withLock({ $0 }) else { throw SsoError(.ldapConnectionClosed, "the LDAP connection is closed") }
        let (failure, delay) = directory.state.withLock { ($0.failure, $0.delay) }
        try await Self.wait(delay, deadline: deadline)
        if let failure { throw failure }
    }

    func bind(_ request: LDAPBindRequest, deadline: ContinuousClock.Instant) async throws -> LDAPBindResponse {
        try await check(deadline: deadline)
        return request.password.withUnsafeValue { directory.bind(dn: request.dn, password: $0) }
    }

    func search(_ request: LDAPSearchRequest, deadline: ContinuousClock.Instant) async throws -> [LDAPEntry] {
        try await check(deadline: deadline)
        return try directory.search(request)
    }

    func close() async {
        let wasOpen = closed.withLock { value in
            defer { value = true }; return !value
        }
        if wasOpen { directory.state.withLock { $0.counters.openConnections -= 1 } }
    }
}
