import Foundation
import Sso
import SsoRouting
import SsoTestSupport
import SsoTesting
import Testing

/// A process killed with SIGKILL in the middle of writing leaves no half-written state: every
/// write is one transaction, so after the crash every invariant holds and the store works on.
@Suite(.serialized) struct KillMidWriteTests {
    @Test(arguments: ReplicaStore.Kind.allCases)
    func killedWhileCreatingConnections(_ kind: ReplicaStore.Kind) async throws {
        try await ReplicaStore.with(kind) { store in
            // Open once first so the child's own open does not race the migration.
            await (try await store.open()).close()
            // Three crashes, each a little later after a committed write, to land inside one. Each
            // round has its own organization, so a slow kill never meets the 100-connection limit.
            var printedIDs = Set<String>()
            let organizations = ["org_kill0", "org_kill1", "org_kill2"]
            for (round, delay) in [0, 7, 19].enumerated() {
                let child = try Workload.start(
                    "create-connections", store,
                    ["--org", organizations[round], "--count", "90", "--prefix", "k\(round)-", "--keys", Workload.keys])
                let printed = await child.waitForLines(3)
                try #require(printed.count >= 3, "the workload stopped early: \(printed)")
                try await Task.sleep(for: .milliseconds(delay))
                await child.kill()
                printedIDs.formUnion(child.lines.compactMap { Workload.json($0)?["connection_id"] })
            }

            let handle = try await store.open()
            var stored: [SsoConnectionRecord] = []
            for organization in organizations {
                stored += try await handle.stores.connections.connections(organizationID: organization)
            }
            // Every connection printed is stored; at most the one in flight per crash besides.
            #expect(printedIDs.isSubset(of: Set(stored.map(\.id))))
            #expect(stored.count <= printedIDs.count + 3)
            // Each stored connection owns all three of its domains; no other domain is claimed.
            for record in stored {
                for domain in record.domains {
                    let routed = try await handle.stores.connections.route(domain)
                    #expect(routed?.id == record.id, "\(domain)")
                }
                #expect(record.domains.count == 3)
            }
            for round in 0..<3 {
                for index in 0..<(stored.count + 3) {
                    for suffix in ["a", "b", "c"] {
                        let domain = try DomainName("k\(round)-\(index)-\(suffix).example")
                        let routed = try await handle.stores.connections.route(domain)
                        #expect(routed == nil || stored.contains { $0.id == routed?.id })
                    }
                }
            }
            let counts = try await store.counts()
            #expect(counts["sso_domain_claims"] == stored.count * 3)
            #expect(counts["sso_connections"] == stored.count)
            // The store works on: a new connection can claim the next domains.
            let organization = try SsoEngine(stores: handle.stores).organization("org_kill0")
            let idp = try WorkloadIdP.provider(keys: Workload.keys)
            _ = try await organization.createConnection(
                WorkloadIdP.connection(idp, name: "after", domains: ["after-the-crash.example"]))
            await handle.close()
        }
    }

    @Test(arguments: ReplicaStore.Kind.allCases)
    func killedWhileCompletingLogins(_ kind: ReplicaStore.Kind) async throws {
        try await ReplicaStore.with(kind) { store in
            let handle = try await store.open()
            let idp = try WorkloadIdP.provider(keys: Workload.keys)
            let organization = try SsoEngine(stores: handle.stores).organization("org_acme")
            _ = try await organization.createConnection(
                WorkloadIdP.connection(idp, name: "Workload IdP", domains: ["acme.example"]))
            var printedSessions = Set<String>()
            for delay in [0, 5, 13] {
                let child = try Workload.start(
                    "logins", store,
                    [
                        "--org", "org_acme", "--domain", "acme.example", "--count", "10000", "--users", "3", "--keys",
                        Workload.keys,
                    ])
                let printed = await child.waitForLines(3)
                try #require(printed.count >= 3, "the workload stopped early: \(printed)")
                try await Task.sleep(for: .milliseconds(delay))
                await child.kill()
                printedSessions.formUnion(child.lines.compactMap { Workload.json($0)?["session_id"] })
            }

            // Every session belongs to a stored user; one user per subject; every printed login kept its session.
            let sessions = try await handle.stores.sessions.sessions(organizationID: "org_acme", activeAt: Date())
            let users = try await handle.stores.users.users(organizationID: "org_acme")
            #expect(users.count <= 3)
            #expect(Set(users.map(\.subject)).count == users.count)
            let userIDs = Set(users.map(\.id))
            #expect(sessions.allSatisfy { userIDs.contains($0.userID) })
            #expect(printedSessions.isSubset(of: Set(sessions.map(\.id))))
            #expect(sessions.count <= printedSessions.count + 3)
            let counts = try await store.counts()
            #expect(counts["sso_sessions"] == sessions.count)
            #expect(counts["sso_users"] == users.count)

            // A login after the crash works and links to the same user.
            let email = "user0@acme.example"
            let post = try idp.respond(
                to: try await organization.getLoginURL(domain: email), as: WorkloadIdP.user(email))
            let result = try await organization.handleSamlCallback(
                samlResponse: post.samlResponse, relayState: post.relayState)
            #expect(!result.provisioned)
            await handle.close()
        }
    }
}
