import Foundation
import Sso
import SsoSQLite
import SsoTesting
import Testing

@Suite struct SQLitePurgeTests {
    /// The engine's sweeper removes expired rows in bounded batches and keeps live ones.
    @Test func purgeRemovesExpiredRowsInBatches() async throws {
        let file = try SQLiteTestFile()
        defer { file.remove() }
        let store = try await SsoSQLiteStore.open(path: file.path, keyring: try SQLiteTestFile.keyring())
        let env = SsoTestEnvironment(stores: store.stores)
        let now = env.clock.now
        for index in 0..<5 {
            _ = try await store.stores.replayCache.insertIfAbsent("old-\(index)", expiresAt: now + 10, now: now)
        }
        _ = try await store.stores.replayCache.insertIfAbsent("live", expiresAt: now + 3600, now: now)
        env.clock.advance(by: 60)
        let first = try await env.engine.purgeExpired(batchSize: 3)
        #expect(first.replayIDs == 3)
        #expect(first.isFullBatch(of: 3))
        let second = try await env.engine.purgeExpired(batchSize: 3)
        #expect(second.replayIDs == 2)
        #expect(!second.isFullBatch(of: 3))
        #expect(try await SsoSQLiteStore.status(path: file.path).counts["sso_replay"] == 1)
        #expect(
            try await store.stores.replayCache.insertIfAbsent("live", expiresAt: now + 3600, now: env.clock.now)
                == false)
        await store.close()
    }
}
