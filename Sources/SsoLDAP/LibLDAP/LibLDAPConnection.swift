import Dispatch

/// A libldap connection: one handle, one serial queue, closed on ``close()`` or when released.
final class LibLDAPConnection: LDAPConnection {
    private enum State { case open, broken, closed }

    private let handle: LockedValue<LibLDAPHandle?>
    private let queue: DispatchQueue
    private let state = LockedValue(State.open)

    init(handle: LibLDAPHandle, queue: DispatchQueue) {
        self.handle = LockedValue(handle)
        self.queue = queue
    }

    private func current() throws(SsoError) -> LibLDAPHandle {
        let isOpen = state.withLock { $0 == .open }
        guard isOpen, let handle = handle.withLock({ $0 }) else {
            throw SsoError(.ldapConnectionClosed, "the LDAP connection is closed or broken")
        }
        return handle
    }

    private func perform<T: Sendable>(
        deadline: ContinuousClock.Instant, _ body: @escaping @Sendable (LibLDAPHandle) throws(SsoError) -> T
    ) async throws -> T {
        let handle = try current()
        do {
            return try await LDAPBlockingCall.run(
                on: queue, deadline: deadline,
                onTimeout: { [weak self] in
                    self?.markBroken()
                }
            ) { () throws(SsoError) in try body(handle) }
        } catch let error as SsoError {
            if [.ldapServerDown, .ldapTimeout, .ldapTLSFailed].contains(error.code) { markBroken() }
            throw error
        }
    }

    private func markBroken() {
        state.withLock { if $0 == .open { $0 = .broken } }
    }

    func bind(_ request: LDAPBindRequest, deadline: ContinuousClock.Instant) async throws -> LDAPBindResponse {
        guard !request.password.isEmpty else {
            throw SsoError(.ldapEmptyPassword, "an empty password is refused (it would be an unauthenticated bind)")
        }
        return try await perform(deadline: deadline) { handle throws(SsoError) in
            try handle.bind(request, deadline: deadline)
        }
    }

    func search(_ request: LDAPSearchRequest, deadline: ContinuousClock.Instant) async throws -> [LDAPEntry] {
        try await perform(deadline: deadline) { handle throws(SsoError) in
            try handle.search(request, deadline: deadline)
        }
    }

    func close() async {
        state.withLock { $0 = .closed }
        // Unbind after any call still running on the queue; never block the caller.
        if let released = handle.withLock({ value -> LibLDAPHandle? in
            defer { value = nil }; return value
        }) {
            queue.async { withExtendedLifetime(released) {} }
        }
    }

    deinit {
        if let released = handle.withLock({ value -> LibLDAPHandle? in
            defer { value = nil }; return value
        }) {
            queue.async { withExtendedLifetime(released) {} }
        }
    }
}

/// Runs one blocking libldap call on a connection's queue and awaits it, resuming with
/// `ldap.timeout` at the deadline even if libldap is still blocked.
enum LDAPBlockingCall {
    /// A `DispatchWorkItem` (thread-safe, not marked `Sendable`) that may be cancelled from any thread.
    private final class TimerItem: @unchecked Sendable {
        let item: DispatchWorkItem
        init(item: DispatchWorkItem) { self.item = item }
    }

    private final class Once<T: Sendable>: Sendable {
        let continuation: LockedValue<CheckedContinuation<T, any Error>?>
        let timer = LockedValue<TimerItem?>(nil)
        init(_ continuation: CheckedContinuation<T, any Error>) { self.continuation = LockedValue(continuation) }
        func resume(_ result: Result<T, SsoError>) -> Bool {
            guard
                let continuation = continuation.withLock({ value in
                    defer { value = nil }; return value
                })
            else { return false }
            timer.withLock { value in
                value?.item.cancel()
                value = nil
            }
            continuation.resume(with: result.mapError { $0 as any Error })
            return true
        }
    }

    static func run<T: Sendable>(
        on queue: DispatchQueue,
        deadline: ContinuousClock.Instant,
        onTimeout: @escaping @Sendable () -> Void,
        _ body: @escaping @Sendable () throws(SsoError) -> T
    ) async throws -> T {
        let left = try LibLDAPTime.remaining(deadline)
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let once = Once(continuation)
            let (seconds, attoseconds) = left.components
            let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
            // Whichever comes first wins; the other finds the continuation already resumed.
            let timer = DispatchWorkItem {
                if once.resume(.failure(SsoError(.ldapTimeout, "the directory did not answer in time"))) { onTimeout() }
            }
            let box = TimerItem(item: timer)
            once.timer.withLock { $0 = box }
            DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds), execute: timer)
            queue.async {
                _ = once.resume(Result { () throws(SsoError) in try body() })
            }
        }
    }
}
