import Foundation
import Testing

@testable import Sso

/// A login-state store whose reads fail, as a database that went away does.
private struct FailingLoginStates: SingleUseStore {
    struct Down: Error {}
    func insert(_ value: SsoPendingLogin, forKey key: String, group: String, expiresAt: Date, now: Date) async throws {}
    func take(_ key: String, now: Date) async throws -> SsoPendingLogin? { throw Down() }
    func removeAll(group: String) async throws -> Int { throw Down() }
    func purgeExpired(now: Date, limit: Int) async throws -> Int { throw Down() }
}

@Suite struct PendingLoginStoreFailureTests {
    /// A store failure is an outage, not a forged state: it must not read as `login.invalid_state`.
    @Test func aFailingStoreIsReportedAsAStoreFailure() async throws {
        let engine = SsoEngine(stores: SsoStores(loginStates: FailingLoginStates()))
        let org = try engine.organization("org_acme")
        #expect(await errorCode { try await engine.takePendingLogin(key: "state") } == .storeFailed)
        #expect(await errorCode { try await org.takePendingLogin(key: "state") } == .storeFailed)
        #expect(await errorCode { try await engine.handleOidcCallback(code: "c", state: "state") } == .storeFailed)
        #expect(
            await errorCode { try await org.handleSamlCallback(samlResponse: "PHg+", relayState: "state") }
                == .storeFailed)
    }
}
