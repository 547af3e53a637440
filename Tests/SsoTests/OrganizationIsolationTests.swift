import Foundation
@testable import Sso
import Testing

@Suite struct OrganizationIsolationTests {
    @Test func anotherOrganizationsConnectionIsNotFound() async throws {
        let t = TestEngine()
        let acme = try t.org("org_acme")
        let globex = try t.org("org_globex")
        let conn = try await acme.createConnection(Samples.oidc())
        #expect(await errorCode { try await globex.getConnection(conn.id) } == .connectionNotFound)
        #expect(
            await errorCode { try await globex.updateConnection(conn.id, .init(name: "hijacked")) }
                == .connectionNotFound)
        #expect(await errorCode { try await globex.deleteConnection(conn.id) } == .connectionNotFound)
        #expect(try await globex.listConnections().connections.isEmpty)
        #expect(try await acme.getConnection(conn.id).name == "Okta Production")
    }

    @Test func sessionsAreScoped() async throws {
        let t = TestEngine()
        let acme = try t.org("org_acme")
        let globex = try t.org("org_globex")
        let conn = try await acme.createConnection(Samples.oidc())
        let outcome = try await acme.completeLogin(
            identity: SsoIdentity(subject: "okta|1", email: "alice@mycompany.com"), connectionID: conn.id)
        #expect(try await globex.listSessions().sessions.isEmpty)
        #expect(await errorCode { try await globex.revokeSession(outcome.session.id) } == .sessionNotFound)
        #expect(await errorCode { try await globex.validateSession(outcome.session.id) } == .sessionNotFound)
        #expect(
            await errorCode {
                try await globex.completeLogin(
                    identity: SsoIdentity(subject: "s", email: "x@mycompany.com"), connectionID: conn.id)
            } == .connectionNotFound)
        #expect(try await acme.listSessions().sessions.map(\.id) == [outcome.session.id])
    }

    @Test func enforcementAndConfigAreScoped() async throws {
        let t = TestEngine()
        let acme = try t.org("org_acme")
        let globex = try t.org("org_globex")
        _ = try await acme.setEnforcement(.init(enforced: true, exemptRoles: ["owner"]))
        _ = try await acme.createConfig(
            .init(
                issuerURL: "https://accounts.google.com", clientID: "id", clientSecret: Secret("s"),
                redirectURI: "https://app.example/cb"))
        #expect(try await globex.getEnforcement() == SsoEnforcement())
        #expect(try await globex.passwordLoginDecision(role: "member") == .allowed)
        #expect(await errorCode { try await globex.getConfig() } == .configNotFound)
        #expect(await errorCode { try await globex.deleteConfig() } == .configNotFound)
        #expect(try await acme.getConfig().clientID == "id")
    }

    @Test func pendingLoginsAreScoped() async throws {
        let t = TestEngine()
        let acme = try t.org("org_acme")
        let globex = try t.org("org_globex")
        let conn = try await acme.createConnection(Samples.oidc())
        try await acme.savePendingLogin(
            SsoPendingLogin.sampleOIDC(organizationID: acme.id, connectionID: conn.id, createdAt: t.clock.now),
            key: "state-1")
        #expect(await errorCode { try await globex.takePendingLogin(key: "state-1") } == .loginInvalidState)
    }
}
