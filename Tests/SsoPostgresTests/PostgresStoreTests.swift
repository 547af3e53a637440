import Foundation
import PostgresNIO
import Sso
import SsoPostgres
import SsoStorage
import SsoTestSupport
import SsoTesting
import Testing

@Suite(.serialized) struct PostgresStoreTests {
    /// Every conformance check, each on its own store handle (own pool) over one database, then
    /// all at once on one handle: what several replicas and many concurrent callers see.
    @Test func passesTheConformanceSuite() async throws {
        try await PostgresTestServer.with { server in
            for check in SsoStoreConformance.checks {
                let store = try await server.open()
                await #expect(throws: Never.self, "\(check.name)") { try await check.run(on: store.stores) }
                store.close()
            }
            let store = try await server.open()
            #expect(await SsoStoreConformance.failuresRunningAll(on: store.stores) == [])
            store.close()
        }
    }

    /// Replicas starting at once apply each migration once.
    @Test func concurrentMigrationsLeaveOneSchema() async throws {
        try await PostgresTestServer.with { server in
            let configuration = server.configuration
            let versions = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 { group.addTask { try await SsoPostgresStore.migrate(configuration: configuration) } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(Set(versions).count == 1)
            let status = try await SsoPostgresStore.status(configuration: configuration)
            #expect(status.schemaVersion == status.currentSchemaVersion)
            #expect(status.counts["sso_connections"] == 0)
        }
    }

    /// The status counts every table's rows and reads the oldest pending login to the instant.
    @Test func statusCountsRowsAndReadsTheOldestPendingLoginExactly() async throws {
        try await PostgresTestServer.with { server in
            let store = try await server.open()
            let oldest = Date(timeIntervalSinceReferenceDate: 900_000_000.123_456_7)
            for (index, date) in [oldest + 30, oldest].enumerated() {
                let login = SsoPendingLogin(
                    organizationID: "org_acme", connectionID: nil, protocolState: .saml(requestID: "_request\(index)"),
                    createdAt: date)
                try await store.stores.loginStates.insert(
                    login, forKey: "key-\(index)", group: "org_acme", expiresAt: date + 600, now: date)
            }
            store.close()
            let status = try await SsoPostgresStore.status(configuration: server.configuration)
            #expect(status.oldestPendingLogin == oldest)
            #expect(status.counts["sso_login_states"] == 2)
            #expect(status.counts["sso_secret_keys"] == 1)
            #expect(status.counts.count == 9)
        }
    }

    /// Neither a pg_dump nor a wrong key reveals or silently loses a secret; rotation re-seals.
    @Test func secretsAreSealedAtRest() async throws {
        try await PostgresTestServer.with { server in
            let secret = "pg-client-secret-c0ffee-CLEAR"
            let store = try await server.open(keyring: 1)
            let org = try SsoEngine(stores: store.stores).organization("org_acme")
            let created = try await org.createConnection(
                .oidc(
                    name: "Okta", issuerURL: "https://acme.okta.test", clientID: "client-1",
                    clientSecret: Secret(secret), domains: ["acme.example"]))
            store.close()
            let dump = try await server.dump()
            #expect(!dump.contains(secret))
            #expect(dump.contains("sso-sealed.v1."))
            #expect(await errorCode { try await server.open(keyring: 2) } == .storeSecretsKeyMissing)

            let rotating = try await server.open(keyring: 2, previous: [1])
            #expect(try await rotating.rotateSecrets() == 1)
            rotating.close()
            let rotated = try await server.open(keyring: 2)
            let record = try #require(try await rotated.stores.connections.connection(id: created.id))
            guard case .oidc(let settings) = record.settings else { throw SsoError("test.wrong_protocol", "not OIDC") }
            #expect(settings.clientSecret.unsafeValue == secret)
            rotated.close()
            #expect(await errorCode { try await server.open(keyring: 1) } == .storeSecretsKeyMissing)
        }
    }

    /// A database that goes away is `store.unavailable` within the deadline, and the store
    /// recovers by itself once it is back.
    @Test func anOutageIsUnavailableAndRecovers() async throws {
        try await PostgresTestServer.with { server in
            let store = try await server.open(deadline: .seconds(3))
            let cache = store.stores.replayCache
            let now = Date(timeIntervalSince1970: 1_900_000_000)
            #expect(try await cache.insertIfAbsent("before", expiresAt: now + 60, now: now))
            try await server.kill()
            let started = ContinuousClock.now
            let during = await thrown { try await cache.insertIfAbsent("during", expiresAt: now + 60, now: now) }
            #expect(during?.code == .storeUnavailable, "\(String(describing: during))")
            #expect(ContinuousClock.now - started < .seconds(10))
            try await server.restart()
            var recovered = false
            for _ in 0..<50 where !recovered {
                recovered = (try? await cache.insertIfAbsent("after", expiresAt: now + 60, now: now)) == true
                if !recovered { try await Task.sleep(for: .milliseconds(200)) }
            }
            #expect(recovered)
            #expect(try await cache.insertIfAbsent("before", expiresAt: now + 60, now: now) == false)
            store.close()
        }
    }
}

func thrown(_ body: () async throws -> some Any) async -> SsoError? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error as? SsoError ?? SsoError("test.not_an_sso_error", "\(error)")
    }
}
