import Foundation
import Sso
import SsoCore

/// Rows the read benchmarks need, written through the stores' own API.
enum StoreSeeds {
    /// `count` active sessions of `organizationID`, unless they are there already.
    static func sessions(_ count: Int, organizationID: String, now: Date, in stores: SsoStores) async throws {
        let present = try await stores.sessions.sessions(organizationID: organizationID, activeAt: now).count
        guard present < count else { return }
        try await inBatches(count) { index in
            var record = session(id: "sso_sess_seed_\(index)", organizationID: organizationID, now: now)
            record.email = "user\(index)@bench.example"
            try await ignoringDuplicates { try await stores.sessions.insert(record) }
        }
    }

    /// `count` SAML connections, one domain each (`route<i>.bench.example`), in ten organizations.
    static func connections(_ count: Int, now: Date, in stores: SsoStores) async throws -> [DomainName] {
        let domains = try (0..<count).map { try DomainName("route\($0).bench.example") }
        try await inBatches(count) { index in
            let settings = SAMLConnectionSettings(
                metadata: .url("https://metadata.bench.example/\(index).xml"),
                assertionConsumerServiceURL: "https://app.bench.example/sso/saml/callback",
                entityID: "https://app.bench.example/saml/metadata")
            let record = SsoConnectionRecord(
                id: connectionID(index), organizationID: "org_bench_route_\(index % 10)", name: "Bench IdP \(index)",
                domains: [domains[index]], jitProvisioning: true, defaultRole: "member", settings: .saml(settings),
                createdAt: now, updatedAt: now)
            try await ignoringDuplicates { try await stores.connections.insert(record) }
        }
        return domains
    }

    static func connectionID(_ index: Int) -> String { "sso_conn_route_\(index)" }

    static func session(id: String, organizationID: String, now: Date) -> SsoSessionRecord {
        SsoSessionRecord(
            id: id, organizationID: organizationID, connectionID: "sso_conn_bench", connectionName: "Bench IdP",
            email: "user@bench.example", userID: "dev_bench", subject: "bench-subject", createdAt: now,
            expiresAt: now + 30 * 86_400)
    }

    /// A row left by an earlier process on a shared server is fine.
    private static func ignoringDuplicates(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as SsoError where error.code == .storeDuplicateKey || error.code == .routingDomainConflict {
            return
        }
    }

    /// `body(0..<count)`, 16 at a time.
    private static func inBatches(_ count: Int, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let width = 16
        for start in stride(from: 0, to: count, by: width) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in start..<min(count, start + width) { group.addTask { try await body(index) } }
                try await group.waitForAll()
            }
        }
    }
}
