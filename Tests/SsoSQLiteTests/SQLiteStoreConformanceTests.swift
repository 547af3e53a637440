import Sso
import SsoSQLite
import SsoTesting
import Testing

@Suite struct SQLiteStoreConformanceTests {
    @Test(arguments: SsoStoreConformance.checks)
    func freshFile(_ check: SsoStoreConformance.Check) async throws {
        let file = try SQLiteTestFile()
        defer { file.remove() }
        let store = try await SsoSQLiteStore.open(path: file.path, keyring: try SQLiteTestFile.keyring())
        await #expect(throws: Never.self) { try await check.run(on: store.stores) }
        await store.close()
    }

    /// Every check at once on one file: the checks must not assume an empty store, and the
    /// store must keep each operation atomic under concurrent callers.
    @Test func everyCheckConcurrentlyOnOneFile() async throws {
        let file = try SQLiteTestFile()
        defer { file.remove() }
        let store = try await SsoSQLiteStore.open(path: file.path, keyring: try SQLiteTestFile.keyring())
        #expect(await SsoStoreConformance.failuresRunningAll(on: store.stores) == [])
        await store.close()
    }

    /// Two handles on one file, as two processes on one machine have.
    @Test func everyCheckThroughTwoHandlesOnOneFile() async throws {
        let file = try SQLiteTestFile()
        defer { file.remove() }
        let first = try await SsoSQLiteStore.open(path: file.path, keyring: try SQLiteTestFile.keyring())
        let second = try await SsoSQLiteStore.open(path: file.path, keyring: try SQLiteTestFile.keyring())
        for (index, check) in SsoStoreConformance.checks.enumerated() {
            let store = index.isMultiple(of: 2) ? first : second
            await #expect(throws: Never.self, "\(check.name)") { try await check.run(on: store.stores) }
        }
        await first.close()
        await second.close()
    }
}
