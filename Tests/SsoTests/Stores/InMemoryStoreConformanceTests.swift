import Foundation
import Sso
import SsoTesting
import Testing

@Suite struct InMemoryStoreConformanceTests {
    /// One set of stores for every check, run concurrently: the checks must not assume empty stores.
    static let shared = SsoStores.inMemory()

    @Test(arguments: SsoStoreConformance.checks)
    func freshStores(_ check: SsoStoreConformance.Check) async throws {
        try await check.run(on: .inMemory())
    }

    @Test(arguments: SsoStoreConformance.checks)
    func sharedStores(_ check: SsoStoreConformance.Check) async throws {
        try await check.run(on: Self.shared)
    }

    /// Every check at once on one fresh set of stores.
    @Test func everyCheckConcurrentlyOnOneStore() async {
        #expect(await SsoStoreConformance.failuresRunningAll(on: .inMemory()) == [])
    }

    /// A store that breaks one rule is reported by the checks of that rule, each line named.
    @Test func runningAllNamesTheChecksThatFailed() async {
        let failures = await SsoStoreConformance.failuresRunningAll(on: SsoStores(replayCache: ForgetfulReplayCache()))
        let replayOnce = "replay insertIfAbsent under 64 concurrent tasks accepts an id once"
        #expect(failures.contains { $0.hasPrefix(replayOnce + ": ") })
        let names = SsoStoreConformance.checks.map(\.name)
        #expect(failures.allSatisfy { line in names.contains { line.hasPrefix($0 + ": ") } })
    }

    @Test func checksHaveUniqueNames() {
        let names = SsoStoreConformance.checks.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.count >= 19)
    }
}

/// A replay cache that accepts every id, as one that lost its rows would.
private struct ForgetfulReplayCache: ReplayCache {
    func insertIfAbsent(_ id: String, expiresAt: Date, now: Date) async throws -> Bool { true }
    func purgeExpired(now: Date, limit: Int) async throws -> Int { 0 }
}
