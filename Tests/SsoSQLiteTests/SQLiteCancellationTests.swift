import Foundation
import Sso
import SsoSQLite
import Testing

@Suite struct SQLiteCancellationTests {
    /// Cancelled callers must leave no transaction open: later operations still work.
    @Test func cancelledWritesLeaveTheConnectionUsable() async throws {
        let file = try SQLiteTestFile()
        defer { file.remove() }
        let store = try await SsoSQLiteStore.open(path: file.path, keyring: try SQLiteTestFile.keyring())
        let cache = store.stores.replayCache
        let now = Date(timeIntervalSince1970: 1_900_000_000)
        for round in 0..<20 {
            let task = Task { try await cache.insertIfAbsent("id-\(round)", expiresAt: now + 60, now: now) }
            task.cancel()
            _ = try? await task.value
        }
        #expect(try await cache.insertIfAbsent("after", expiresAt: now + 60, now: now))
        #expect(try await cache.insertIfAbsent("after", expiresAt: now + 60, now: now) == false)
        await store.close()
    }
}
