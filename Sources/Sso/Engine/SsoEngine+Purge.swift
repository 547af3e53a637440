import Foundation

/// How many expired entries one ``SsoEngine/purgeExpired(batchSize:)`` call removed.
public struct SsoPurgeResult: Sendable, Hashable {
    /// Pending logins whose TTL passed.
    public var pendingLogins: Int
    /// Replay ids whose assertion can no longer be valid.
    public var replayIDs: Int
    /// Sessions that expired or were revoked.
    public var sessions: Int

    /// Creates a result from the number of entries removed from each store.
    public init(pendingLogins: Int = 0, replayIDs: Int = 0, sessions: Int = 0) {
        self.pendingLogins = pendingLogins
        self.replayIDs = replayIDs
        self.sessions = sessions
    }

    /// Whether any store returned a full batch (call again to purge the rest).
    public func isFullBatch(of size: Int) -> Bool {
        pendingLogins >= size || replayIDs >= size || sessions >= size
    }
}

extension SsoEngine {
    /// Removes up to `batchSize` expired pending logins, replay ids and inactive sessions from
    /// each store, judged by the engine's clock. Logins never wait on it (every read checks
    /// expiry itself); call it from a periodic task so durable stores do not grow, and again
    /// while ``SsoPurgeResult/isFullBatch(of:)``.
    /// - Throws: `store.failed` / the store's own error.
    @discardableResult
    public func purgeExpired(batchSize: Int = 1_000) async throws(SsoError) -> SsoPurgeResult {
        let at = clock.now
        let limit = max(1, batchSize)
        let (states, replay, sessions) = (stores.loginStates, stores.replayCache, stores.sessions)
        return SsoPurgeResult(
            pendingLogins: try await storeCall("login state") { try await states.purgeExpired(now: at, limit: limit) },
            replayIDs: try await storeCall("replay") { try await replay.purgeExpired(now: at, limit: limit) },
            sessions: try await storeCall("session") { try await sessions.purgeInactive(before: at, limit: limit) })
    }
}
