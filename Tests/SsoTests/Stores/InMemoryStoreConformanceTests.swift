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

    @Test func checksHaveUniqueNames() {
        let names = SsoStoreConformance.checks.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.count >= 19)
    }
}
