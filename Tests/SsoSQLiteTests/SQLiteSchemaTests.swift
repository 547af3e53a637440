import Foundation
import SsoSQLite
import SsoStorage
import Testing

@Suite struct SQLiteSchemaTests {
    /// Four processes starting at once over a new file leave one correct schema.
    @Test func concurrentMigrationsLeaveOneSchema() async throws {
        let file = try SQLiteTestFile()
        defer { file.remove() }
        let versions = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 { group.addTask { try await SsoSQLiteStore.migrate(path: file.path) } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(Set(versions).count == 1)
        let status = try await SsoSQLiteStore.status(path: file.path)
        #expect(status.schemaVersion == status.currentSchemaVersion)
        #expect(status.counts["sso_connections"] == 0)
        #expect(status.oldestPendingLogin == nil)
        // Opening again applies nothing and keeps working.
        let store = try await SsoSQLiteStore.open(path: file.path, keyring: try SQLiteTestFile.keyring())
        await store.close()
        #expect(try await SsoSQLiteStore.status(path: file.path).counts["sso_secret_keys"] == 1)
    }
}
