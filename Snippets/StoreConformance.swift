// Check a store of your own with the conformance suite the built-in stores pass.
import Sso
import SsoTesting
import Testing

/// Your stores; here the in-memory ones stand in for them.
func makeMyStores() async throws -> SsoStores { SsoStores() }

@Test(arguments: SsoStoreConformance.checks)
func myStore(_ check: SsoStoreConformance.Check) async throws {
    try await check.run(on: makeMyStores())
}

// And every check at once on one shared store, as concurrent replicas would use it.
@Test func myStoreUnderLoad() async throws {
    let stores = try await makeMyStores()
    #expect(await SsoStoreConformance.failuresRunningAll(on: stores).isEmpty)
}
