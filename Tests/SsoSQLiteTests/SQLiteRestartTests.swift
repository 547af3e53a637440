import Foundation
import Sso
import SsoSQLite
import SsoTestSupport
import SsoTesting
import Testing

/// What a restart must keep: a second engine over the same file sees the same state, and a
/// login started before the restart completes after it.
@Suite struct SQLiteRestartTests {
    static let issuer = "https://acme.okta.test"
    static let callback = "https://app.example.com/sso/callback"

    @Test func stateAndPendingLoginsSurviveARestart() async throws {
        let file = try SQLiteTestFile()
        defer { file.remove() }
        let transport = FakeHTTPTransport()
        let first = try await SsoSQLiteStore.open(path: file.path, keyring: try SQLiteTestFile.keyring())
        let before = SsoTestEnvironment(stores: first.stores, transport: transport)
        let provider = before.addOIDCProvider(
            issuer: Self.issuer, clientID: "client-1", clientSecret: Secret("s3cret-client"),
            redirectURIs: [Self.callback])
        let org = try before.engine.organization("org_acme")
        var params = CreateSsoConnectionParams.oidc(
            name: "Okta", issuerURL: Self.issuer, clientID: "client-1", clientSecret: Secret("s3cret-client"),
            domains: ["acme.example"], jitProvisioning: true, defaultRole: "member")
        params.redirectURIs = [Self.callback]
        let connection = try await org.createConnection(params)
        let alice = FakeOIDCUser(subject: "00u-alice", email: "alice@acme.example", name: "Alice")
        let done = try provider.authorize(try await org.getLoginURL(domain: "alice@acme.example"), as: alice)
        let loggedIn = try await org.handleOidcCallback(code: done.code, state: done.state)
        // Started before the restart, completed after it.
        let pending = try provider.authorize(
            try await org.getLoginURL(domain: "bob@acme.example"),
            as: FakeOIDCUser(subject: "00u-bob", email: "bob@acme.example", name: "Bob"))
        await first.close()

        let second = try await SsoSQLiteStore.open(path: file.path, keyring: try SQLiteTestFile.keyring())
        let after = SsoTestEnvironment(stores: second.stores, transport: transport)
        let reopened = try after.engine.organization("org_acme")
        #expect(try await reopened.listConnections().connections.map(\.id) == [connection.id])
        #expect(try await reopened.getConnection(connection.id) == connection)
        let sessionID = try #require(loggedIn.sessionID)
        #expect(try await reopened.listSessions().sessions.map(\.id) == [sessionID])
        #expect(try await reopened.validateSession(sessionID).email == "alice@acme.example")
        let bob = try await reopened.handleOidcCallback(code: pending.code, state: pending.state)
        #expect(bob.email == "bob@acme.example")
        #expect(bob.provisioned)
        let users = try await after.engine.stores.users.users(organizationID: "org_acme")
        #expect(Set(users.map(\.email)) == ["alice@acme.example", "bob@acme.example"])
        // Used once, before or after the restart.
        #expect(
            await errorCode { try await reopened.handleOidcCallback(code: pending.code, state: pending.state) }
                == .loginInvalidState)
        await second.close()
    }
}
