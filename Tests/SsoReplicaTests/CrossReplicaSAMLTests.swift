import Foundation
import Sso
import SsoTestSupport
import SsoTesting
import Testing

/// Two replicas in one process: each its own engine over its own handle on one store (so its
/// own pool and caches), as two servers behind a load balancer would be.
@Suite(.serialized) struct CrossReplicaSAMLTests {
    static let keys = LDAPTestServer.packageRoot.appending(path: "Fixtures/saml/keys").path

    struct Replicas {
        let a: SsoOrganization
        let b: SsoOrganization
        let engineA: SsoEngine
        let engineB: SsoEngine
        let idp: TestSAMLIdentityProvider
        let connection: SsoConnection
        let handles: [ReplicaStore.Handle]
        let stores: SsoStores

        func close() async { for handle in handles { await handle.close() } }
    }

    static func replicas(_ store: ReplicaStore) async throws -> Replicas {
        let (handleA, handleB) = (try await store.open(), try await store.open())
        let engineA = SsoEngine(stores: handleA.stores)
        let engineB = SsoEngine(stores: handleB.stores)
        let idp = try WorkloadIdP.provider(keys: keys)
        let a = try engineA.organization("org_acme")
        let connection = try await a.createConnection(
            WorkloadIdP.connection(idp, name: "Workload IdP", domains: ["acme.example"]))
        return Replicas(
            a: a, b: try engineB.organization("org_acme"), engineA: engineA, engineB: engineB, idp: idp,
            connection: connection, handles: [handleA, handleB], stores: handleA.stores)
    }

    @Test(arguments: ReplicaStore.Kind.allCases)
    func aSAMLLoginStartedOnOneReplicaCompletesOnTheOther(_ kind: ReplicaStore.Kind) async throws {
        try await ReplicaStore.with(kind) { store in
            let replicas = try await Self.replicas(store)
            let email = "alice@acme.example"
            let post = try replicas.idp.respond(
                to: try await replicas.a.getLoginURL(domain: email), as: WorkloadIdP.user(email))
            // The ACS route does not know the organization: the RelayState names it.
            let result = try await replicas.engineB.handleSamlCallback(
                samlResponse: post.samlResponse, relayState: post.relayState)
            #expect(result.email == email)
            #expect(result.connectionID == replicas.connection.id)
            let sessionID = try #require(result.sessionID)
            #expect(try await replicas.a.validateSession(sessionID).email == email)
            // Posted again to A, the spent RelayState is refused there too.
            #expect(
                await errorCode {
                    try await replicas.engineA.handleSamlCallback(
                        samlResponse: post.samlResponse, relayState: post.relayState)
                } == .loginInvalidState)
            await replicas.close()
        }
    }

    @Test(arguments: ReplicaStore.Kind.allCases)
    func theSameResponsePostedToBothReplicasAtOnceSignsInOnce(_ kind: ReplicaStore.Kind) async throws {
        try await ReplicaStore.with(kind) { store in
            let replicas = try await Self.replicas(store)
            for round in 0..<5 {
                let email = "user\(round)@acme.example"
                let post = try replicas.idp.respond(
                    to: try await replicas.a.getLoginURL(domain: email), as: WorkloadIdP.user(email))
                async let onA = errorCode {
                    try await replicas.engineA.handleSamlCallback(
                        samlResponse: post.samlResponse, relayState: post.relayState)
                }
                async let onB = errorCode {
                    try await replicas.engineB.handleSamlCallback(
                        samlResponse: post.samlResponse, relayState: post.relayState)
                }
                let outcomes = await [onA, onB]
                #expect(outcomes.filter { $0 == nil }.count == 1, "round \(round): \(outcomes)")
            }
            #expect(try await replicas.b.listSessions().sessions.count == 5)
            await replicas.close()
        }
    }

    /// No RelayState to spend: only the replay cache, shared through the store, stops the second.
    @Test(arguments: ReplicaStore.Kind.allCases)
    func theSameIdPInitiatedAssertionAtBothReplicasAtOnceSignsInOnce(_ kind: ReplicaStore.Kind) async throws {
        try await ReplicaStore.with(kind) { store in
            let replicas = try await Self.replicas(store)
            for round in 0..<5 {
                let post = try replicas.idp.idpInitiatedLogin(
                    spEntityID: WorkloadIdP.spEntityID, acsURL: WorkloadIdP.acsURL,
                    as: WorkloadIdP.user("idp\(round)@acme.example"))
                let id = replicas.connection.id
                async let onA = errorCode {
                    try await replicas.engineA.handleSamlCallback(
                        samlResponse: post.samlResponse, relayState: nil, connectionID: id)
                }
                async let onB = errorCode {
                    try await replicas.engineB.handleSamlCallback(
                        samlResponse: post.samlResponse, relayState: nil, connectionID: id)
                }
                let outcomes = await [onA, onB]
                #expect(outcomes.filter { $0 == nil }.count == 1, "round \(round): \(outcomes)")
                #expect(outcomes.contains(.samlReplay), "round \(round): \(outcomes)")
            }
            await replicas.close()
        }
    }

    @Test(arguments: ReplicaStore.Kind.allCases)
    func theSameFirstLoginAtBothReplicasAtOnceCreatesOneUser(_ kind: ReplicaStore.Kind) async throws {
        try await ReplicaStore.with(kind) { store in
            let replicas = try await Self.replicas(store)
            for round in 0..<5 {
                let email = "first\(round)@acme.example"
                let postA = try replicas.idp.respond(
                    to: try await replicas.a.getLoginURL(domain: email), as: WorkloadIdP.user(email))
                let postB = try replicas.idp.respond(
                    to: try await replicas.b.getLoginURL(domain: email), as: WorkloadIdP.user(email))
                async let onA = replicas.engineA.handleSamlCallback(
                    samlResponse: postA.samlResponse, relayState: postA.relayState)
                async let onB = replicas.engineB.handleSamlCallback(
                    samlResponse: postB.samlResponse, relayState: postB.relayState)
                let (resultA, resultB) = try await (onA, onB)
                #expect(resultA.developerID == resultB.developerID)
                #expect([resultA.provisioned, resultB.provisioned].filter { $0 }.count == 1)
            }
            #expect(try await replicas.stores.users.users(organizationID: "org_acme").count == 5)
            await replicas.close()
        }
    }

    @Test(arguments: ReplicaStore.Kind.allCases)
    func connectionChangesOnOneReplicaHoldOnTheOtherAtOnce(_ kind: ReplicaStore.Kind) async throws {
        try await ReplicaStore.with(kind) { store in
            let replicas = try await Self.replicas(store)
            let id = replicas.connection.id
            // B signs a user in, so its caches hold the connection's metadata.
            let post = try replicas.idp.respond(
                to: try await replicas.b.getLoginURL(domain: "bob@acme.example"),
                as: WorkloadIdP.user("bob@acme.example"))
            let session = try #require(
                try await replicas.b.handleSamlCallback(samlResponse: post.samlResponse, relayState: post.relayState)
                    .sessionID)

            // Updated on A: B routes the new domain and no longer the old one.
            _ = try await replicas.a.updateConnection(id, UpdateSsoConnectionParams(domains: ["acme.test"]))
            #expect(try await replicas.b.getLoginURL(domain: "bob@acme.test").connectionID == id)
            #expect(await errorCode { try await replicas.b.getLoginURL(domain: "bob@acme.example") } != nil)

            // Deactivated on A: B starts no login and ends the session; reactivated: both work again.
            _ = try await replicas.a.updateConnection(id, UpdateSsoConnectionParams(status: .inactive))
            #expect(
                await errorCode { try await replicas.b.getLoginURL(domain: "bob@acme.test") } == .connectionInactive)
            #expect(await errorCode { try await replicas.b.validateSession(session) } == .sessionNotFound)
            _ = try await replicas.a.updateConnection(id, UpdateSsoConnectionParams(status: .active))
            #expect(try await replicas.b.getLoginURL(domain: "bob@acme.test").connectionID == id)

            // Deleted on A: gone on B, its domain free for another connection created on B.
            try await replicas.a.deleteConnection(id)
            #expect(await errorCode { try await replicas.b.getConnection(id) } == .connectionNotFound)
            #expect(await errorCode { try await replicas.b.validateSession(session) } == .sessionNotFound)
            let next = try await replicas.b.createConnection(
                WorkloadIdP.connection(replicas.idp, name: "Next", domains: ["acme.test"]))
            #expect(try await replicas.a.getLoginURL(domain: "carol@acme.test").connectionID == next.id)
            await replicas.close()
        }
    }
}
