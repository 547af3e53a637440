/// A bounded pool of connections bound as the service account, reused across authentications.
///
/// At most `maximumSize` connections exist at once; callers beyond that wait (until their
/// deadline) for one to be released. A connection released as broken is closed and its slot
/// freed, so the next caller opens a fresh one.
actor LDAPConnectionPool {
    private enum Grant { case connection(any LDAPConnection), slot }
    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Grant, any Error>
    }

    private let connector: any LDAPConnector
    private let endpoint: LDAPEndpoint
    private let account: LDAPServiceAccount
    let maximumSize: Int
    private var idle: [any LDAPConnection] = []
    private var openCount = 0
    private var waiters: [Waiter] = []
    private var nextWaiterID = 0
    private var isShutDown = false

    init(connector: any LDAPConnector, endpoint: LDAPEndpoint, account: LDAPServiceAccount, maximumSize: Int) {
        self.connector = connector
        self.endpoint = endpoint
        self.account = account
        self.maximumSize = max(1, maximumSize)
    }

    /// A bound service connection; give it back with ``release(_:reusable:)``.
    func acquire(deadline: ContinuousClock.Instant) async throws -> any LDAPConnection {
        guard !isShutDown else { throw SsoError(.ldapConnectionClosed, "the LDAP connection pool is shut down") }
        if let connection = idle.popLast() { return connection }
        if openCount < maximumSize {
            openCount += 1
            return try await create(deadline: deadline)
        }
        switch try await wait(deadline: deadline) {
        case .connection(let connection): return connection
        case .slot: return try await create(deadline: deadline)
        }
    }

    /// Returns a connection. A connection that saw a transport error must be released with
    /// `reusable: false`.
    func release(_ connection: any LDAPConnection, reusable: Bool) async {
        if reusable, !isShutDown {
            if waiters.isEmpty {
                idle.append(connection)
            } else {
                waiters.removeFirst().continuation.resume(returning: .connection(connection))
            }
            return
        }
        freeSlot()
        await connection.close()
    }

    /// Closes idle connections and refuses further use.
    func shutdown() async {
        isShutDown = true
        let closing = idle
        idle.removeAll()
        for waiter in waiters {
            waiter.continuation.resume(
                throwing: SsoError(.ldapConnectionClosed, "the LDAP connection pool is shut down"))
        }
        waiters.removeAll()
        for connection in closing { await connection.close() }
    }

    /// The number of open connections (idle or in use), for tests and metrics.
    var size: Int { openCount }

    private func freeSlot() {
        if waiters.isEmpty {
            openCount -= 1
        } else {
            waiters.removeFirst().continuation.resume(returning: .slot)
        }
    }

    private func create(deadline: ContinuousClock.Instant) async throws -> any LDAPConnection {
        let connection: any LDAPConnection
        do {
            connection = try await connector.connect(to: endpoint, deadline: deadline)
        } catch {
            freeSlot()
            throw LDAPErrors.wrap(error)
        }
        guard let dn = account.dn, let password = account.password else { return connection }
        do {
            let response = try await connection.bind(
                LDAPBindRequest(dn: dn, password: password, requestPasswordPolicy: false), deadline: deadline)
            guard response.resultCode == .success else {
                throw SsoError(
                    .ldapServiceBindFailed,
                    "the service account could not bind (result \(response.resultCode.rawValue)); check its DN and password"
                )
            }
            return connection
        } catch {
            freeSlot()
            await connection.close()
            if let sso = error as? SsoError, sso.code == .ldapEmptyPassword {
                throw SsoError(.ldapServiceBindFailed, "the service account has an empty password")
            }
            throw LDAPErrors.wrap(error)
        }
    }

    private func wait(deadline: ContinuousClock.Instant) async throws -> Grant {
        let id = nextWaiterID
        nextWaiterID += 1
        let timer = Task { [weak self] in
            try? await Task.sleep(until: deadline, clock: .continuous)
            await self?.expire(id)
        }
        defer { timer.cancel() }
        return try await withCheckedThrowingContinuation { continuation in
            waiters.append(Waiter(id: id, continuation: continuation))
        }
    }

    private func expire(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }  // exact-compare: not a string (a waiter number)
        waiters.remove(at: index).continuation.resume(
            throwing: SsoError(.ldapTimeout, "no LDAP connection became free before the deadline"))
    }
}

/// Error helpers shared by the pool and the authenticator.
enum LDAPErrors {
    /// `error` as an `SsoError`; a connector's foreign error becomes `ldap.server_down`.
    static func wrap(_ error: any Error, file: String = #fileID, line: Int = #line) -> SsoError {
        if let sso = error as? SsoError { return sso }
        if error is CancellationError {
            return SsoError(.ldapTimeout, "the LDAP authentication was cancelled", file: file, line: line)
        }
        return SsoError(.ldapServerDown, "the LDAP connector failed", underlying: error, file: file, line: line)
    }

    /// Whether an error means the connection must not be reused.
    static func breaksConnection(_ error: SsoError) -> Bool {
        [.ldapServerDown, .ldapTimeout, .ldapTLSFailed, .ldapConnectionClosed].contains(error.code)
    }
}
