import Foundation
import Sso
import SsoPostgres
import SsoTestSupport
import SsoTesting
import Testing

/// Two replicas: each its own engine, caches and pool, over one PostgreSQL.
@Suite(.serialized) struct PostgresReplicaTests {
    static let issuer = "https://acme.okta.test"
    static let callback = "https://app.example.com/sso/callback"

    @Test func aLoginStartedOnOneReplicaCompletesOnTheOtherOnce() async throws {
        try await PostgresTestServer.with { server in
            let transport = FakeHTTPTransport()
            let (storeA, storeB) = (try await server.open(), try await server.open())
            let a = SsoTestEnvironment(stores: storeA.stores, transport: transport)
            let b = SsoTestEnvironment(stores: storeB.stores, transport: transport)
            let provider = a.addOIDCProvider(
                issuer: Self.issuer, clientID: "client-1", clientSecret: Secret("s3cret-client"),
                redirectURIs: [Self.callback])
            let orgA = try a.engine.organization("org_acme")
            let orgB = try b.engine.organization("org_acme")
            var params = CreateSsoConnectionParams.oidc(
                name: "Okta", issuerURL: Self.issuer, clientID: "client-1", clientSecret: Secret("s3cret-client"),
                domains: ["acme.example"], jitProvisioning: true, defaultRole: "member")
            params.redirectURIs = [Self.callback]
            let connection = try await orgA.createConnection(params)
            #expect(try await orgB.getConnection(connection.id).name == "Okta")

            // Started on A, completed on B; the same state posted to A and B at once: one wins.
            let alice = FakeOIDCUser(subject: "00u-alice", email: "alice@acme.example", name: "Alice")
            let redirect = try provider.authorize(try await orgA.getLoginURL(domain: "alice@acme.example"), as: alice)
            async let onA = errorCode { try await orgA.handleOidcCallback(code: redirect.code, state: redirect.state) }
            async let onB = errorCode { try await orgB.handleOidcCallback(code: redirect.code, state: redirect.state) }
            let outcomes = await [onA, onB]
            #expect(outcomes.filter { $0 == nil }.count == 1)
            #expect(outcomes.contains(.loginInvalidState))
            let sessions = try await orgB.listSessions().sessions
            #expect(sessions.count == 1)

            // A revocation and a deactivation on B hold on A at once.
            let sessionID = try #require(sessions.first?.id)
            try await orgB.revokeSession(sessionID)
            #expect(await errorCode { try await orgA.validateSession(sessionID) } == .sessionNotFound)
            _ = try await orgB.updateConnection(connection.id, UpdateSsoConnectionParams(status: .inactive))
            #expect(
                await errorCode { try await orgA.getLoginURL(domain: "bob@acme.example") } == .connectionInactive)
            storeA.close()
            storeB.close()
        }
    }
}
