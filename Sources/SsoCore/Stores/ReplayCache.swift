import Foundation

/// Remembers identifiers that may be used once (SAML assertion IDs, OIDC `jti`s) until they expire.
///
/// A database implements ``insertIfAbsent(_:expiresAt:now:)`` as one conditional insert
/// (`INSERT … ON CONFLICT DO NOTHING`, with an expired row replaced), so two replicas given the
/// same assertion at once record it once and exactly one of them gets `true`.
public protocol ReplayCache: Sendable {
    /// Records `id` until `expiresAt` and returns `true`, or returns `false` if it was already
    /// recorded and has not expired at `now`. Identifiers are compared by their exact UTF-8 bytes.
    /// Atomic.
    func insertIfAbsent(_ id: String, expiresAt: Date, now: Date) async throws -> Bool
    /// Removes at most `limit` identifiers that expired at or before `now`; returns how many.
    @discardableResult
    func purgeExpired(now: Date, limit: Int) async throws -> Int
}

/// The default in-memory ``ReplayCache``, bounded like ``InMemorySingleUseStore``. When it is
/// full of live entries it fails closed with `store.full` rather than forgetting one.
public actor InMemoryReplayCache: ReplayCache {
    private var seen: [ExactString: Date] = [:]
    private let capacity: Int

    /// Creates a cache holding at most `capacity` live identifiers.
    public init(capacity: Int = 1_000_000) {
        self.capacity = max(1, capacity)
    }

    public func insertIfAbsent(_ id: String, expiresAt: Date, now: Date) throws -> Bool {
        let id = ExactString(id)
        if let until = seen[id], until > now {
            return false
        }
        if seen.count >= capacity {
            seen = seen.filter { $0.value > now }
            guard seen.count < capacity else {
                throw SsoError(.storeFull, "the replay cache is full; try again later")
            }
        }
        seen[id] = expiresAt
        return true
    }

    @discardableResult
    public func purgeExpired(now: Date, limit: Int) -> Int {
        let keys = Array(seen.lazy.filter { $0.value <= now }.prefix(max(0, limit)).map(\.key))
        for key in keys { seen[key] = nil }
        return keys.count
    }
}
