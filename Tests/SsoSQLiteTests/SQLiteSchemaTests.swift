import Foundation
import Sso
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

    /// The status counts every table's rows and reads the oldest pending login to the instant.
    @Test func statusCountsRowsAndReadsTheOldestPendingLoginExactly() async throws {
        let file = try SQLiteTestFile()
        defer { file.remove() }
        let store = try await SsoSQLiteStore.open(path: file.path, keyring: try SQLiteTestFile.keyring())
        let oldest = Date(timeIntervalSinceReferenceDate: 900_000_000.123_456_7)
        for (index, date) in [oldest + 30, oldest].enumerated() {
            let login = SsoPendingLogin(
                organizationID: "org_acme", connectionID: nil, protocolState: .saml(requestID: "_request\(index)"),
                createdAt: date)
            try await store.stores.loginStates.insert(
                login, forKey: "key-\(index)", group: "org_acme", expiresAt: date + 600, now: date)
        }
        let status = try await SsoSQLiteStore.status(path: file.path)
        #expect(status.oldestPendingLogin == oldest)
        #expect(status.counts["sso_login_states"] == 2)
        #expect(status.counts["sso_secret_keys"] == 1)
        #expect(status.counts.count == 9)
        await store.close()
    }
}
