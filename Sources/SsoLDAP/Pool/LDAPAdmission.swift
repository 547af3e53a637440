/// Bounds how many user binds (each on its own connection and its own blocked libldap thread) run
/// at once; callers beyond the bound wait in order until their deadline.
actor LDAPAdmission {
    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Void, any Error>
    }

    private let limit: Int
    private var running = 0
    private var waiters: [Waiter] = []
    private var nextID = 0

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Waits for a permit; give it back with ``leave()``.
    func enter(deadline: ContinuousClock.Instant) async throws {
        if running < limit {
            running += 1
            return
        }
        let id = nextID
        nextID += 1
        let timer = Task { [weak self] in
            try? await Task.sleep(until: deadline, clock: .continuous)
            await self?.expire(id)
        }
        defer { timer.cancel() }
        try await withCheckedThrowingContinuation { continuation in
            waiters.append(Waiter(id: id, continuation: continuation))
        }
    }

    /// Returns a permit, handing it straight to the oldest waiter.
    func leave() {
        if waiters.isEmpty {
            running -= 1
        } else {
            waiters.removeFirst().continuation.resume()
        }
    }

    private func expire(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }  // exact-compare: not a string (a waiter number)
        waiters.remove(at: index).continuation.resume(
            throwing: SsoError(.ldapTimeout, "too many LDAP logins in progress to start another before the deadline"))
    }
}
