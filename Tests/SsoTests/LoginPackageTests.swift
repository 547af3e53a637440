import Foundation
import HTTPTypes
@testable import Sso
import Testing

@Suite struct LoginPackageTests {
    @Test func jitProvisionsOnFirstLoginOnlyAndLinksBySubject() async throws {
        let t = TestEngine()
        let org = try t.org()
        let conn = try await org.createConnection(Samples.oidc())
        let identity = SsoIdentity(
            subject: "okta|abc123", email: "Alice@MyCompany.com", emailVerified: true, name: "Alice Smith")
        let first = try await org.completeLogin(identity: identity, connectionID: conn.id)
        #expect(first.provisioned)
        #expect(SsoID.isValid(first.user.id, prefix: "dev_"))
        #expect(first.user.role == "member")
        #expect(first.user.email == "alice@mycompany.com")
        #expect(first.session.email == "alice@mycompany.com")
        let second = try await org.completeLogin(identity: identity, connectionID: conn.id)
        #expect(!second.provisioned)
        #expect(second.user.id == first.user.id)
        // Same email, different subject: a different record, never the first user's.
        let other = try await org.completeLogin(
            identity: SsoIdentity(subject: "okta|zzz", email: "alice@mycompany.com"), connectionID: conn.id)
        #expect(other.user.id != first.user.id)
        #expect(try await t.engine.stores.users.users(organizationID: org.id).count == 2)
    }

    @Test func concurrentFirstLoginsProvisionOneUser() async throws {
        let t = TestEngine()
        let org = try t.org()
        let conn = try await org.createConnection(Samples.oidc())
        let identity = SsoIdentity(subject: "okta|race", email: "race@mycompany.com")
        let outcomes = await withTaskGroup(of: (String, Bool)?.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    guard let outcome = try? await org.completeLogin(identity: identity, connectionID: conn.id) else {
                        return nil
                    }
                    return (outcome.user.id, outcome.provisioned)
                }
            }
            return await group.reduce(into: [(String, Bool)]()) { if let value = $1 { $0.append(value) } }
        }
        #expect(outcomes.count == 16)
        #expect(Set(outcomes.map(\.0)).count == 1)
        #expect(outcomes.filter(\.1).count == 1)
        #expect(try await t.engine.stores.users.users(organizationID: org.id).count == 1)
        #expect(try await org.listSessions().sessions.count == 16)
    }

    @Test func defaultTransportNeverReachesTheNetwork() async throws {
        let engine = SsoEngine()
        let request = HTTPRequest(
            method: .get, scheme: "https", authority: "idp.example", path: "/.well-known/openid-configuration")
        let error = await thrownError { try await engine.httpTransport.fetch(request, maxResponseBytes: 1024) }
        #expect(error?.code == .httpTransportFailed)
    }

    @Test func withoutJITUnknownUsersAreRefused() async throws {
        let t = TestEngine()
        let org = try t.org()
        let conn = try await org.createConnection(Samples.oidc(jit: false))
        #expect(
            await errorCode {
                try await org.completeLogin(
                    identity: SsoIdentity(subject: "s", email: "a@mycompany.com"), connectionID: conn.id)
            } == .userNotProvisioned)
        #expect(try await org.listSessions().sessions.isEmpty)
    }

    @Test(arguments: [
        SsoIdentity(subject: "s", email: "mallory@contoso.com"),
        SsoIdentity(subject: "s", email: "alice@mycompany.com", emailVerified: false),
        SsoIdentity(subject: "s", email: nil),
        SsoIdentity(subject: " ", email: "alice@mycompany.com"),
        SsoIdentity(subject: "s", email: "alice@@mycompany.com"),
        SsoIdentity(subject: String(repeating: "s", count: 2049), email: "alice@mycompany.com"),
    ])
    func identitiesThatCannotLogIn(_ identity: SsoIdentity) async throws {
        let t = TestEngine()
        let org = try t.org()
        let conn = try await org.createConnection(Samples.oidc())
        _ = try await org.createConnection(Samples.saml())
        #expect(
            await errorCode { try await org.completeLogin(identity: identity, connectionID: conn.id) }
                == .userIdentityRejected)
        #expect(try await org.listSessions().sessions.isEmpty)
        #expect(try await t.engine.stores.users.users(organizationID: org.id).isEmpty)
    }

    @Test func inactiveConnectionCannotLogIn() async throws {
        let org = try TestEngine().org()
        let conn = try await org.createConnection(Samples.oidc())
        _ = try await org.updateConnection(conn.id, .init(status: .inactive))
        #expect(
            await errorCode {
                try await org.completeLogin(
                    identity: SsoIdentity(subject: "s", email: "a@mycompany.com"), connectionID: conn.id)
            } == .connectionInactive)
    }

    @Test func pendingLoginIsSingleUseAndExpires() async throws {
        let t = TestEngine(settings: .init(loginStateTTL: 600))
        let org = try t.org()
        let conn = try await org.createConnection(Samples.oidc())
        let login = SsoPendingLogin.sampleOIDC(
            organizationID: org.id, connectionID: conn.id, codeVerifier: Secret("v"), createdAt: t.clock.now)
        try await org.savePendingLogin(login, key: "state-a")
        #expect(try await org.takePendingLogin(key: "state-a").login == login)
        #expect(await errorCode { try await org.takePendingLogin(key: "state-a") } == .loginInvalidState)
        try await org.savePendingLogin(login, key: "state-b")
        t.clock.advance(by: 600)
        #expect(await errorCode { try await org.takePendingLogin(key: "state-b") } == .loginInvalidState)
    }

    @Test func engineLevelTakeFindsTheOrganization() async throws {
        let t = TestEngine()
        let org = try t.org("org_globex")
        let conn = try await org.createConnection(Samples.oidc())
        let login = SsoPendingLogin.sampleOIDC(organizationID: org.id, connectionID: conn.id, createdAt: t.clock.now)
        try await org.savePendingLogin(login, key: "state-e")
        let taken = try await t.engine.takePendingLogin(key: "state-e")
        #expect(taken.organization.id == "org_globex")
        #expect(taken.login == login)
        #expect(await errorCode { try await t.engine.takePendingLogin(key: "state-e") } == .loginInvalidState)
        #expect(await errorCode { try await t.engine.takePendingLogin(key: "never-saved") } == .loginInvalidState)
    }

    @Test(arguments: [true, false])
    func deletingOrDeactivatingMakesPendingLoginsUnusable(deleting: Bool) async throws {
        let t = TestEngine()
        let org = try t.org()
        let conn = try await org.createConnection(Samples.oidc())
        let login = SsoPendingLogin.sampleOIDC(organizationID: org.id, connectionID: conn.id, createdAt: t.clock.now)
        try await org.savePendingLogin(login, key: "state-c")
        if deleting {
            try await org.deleteConnection(conn.id)
        } else {
            _ = try await org.updateConnection(conn.id, .init(status: .inactive))
        }
        #expect(await errorCode { try await org.takePendingLogin(key: "state-c") } == .loginInvalidState)
    }

    @Test func connectionTestResultsSetAndClearErrorStatus() async throws {
        let t = TestEngine()
        let org = try t.org()
        let conn = try await org.createConnection(Samples.oidc())
        let failed = try await org.recordConnectionTest(
            connectionID: conn.id, failureReason: "discovery: issuer mismatch")
        #expect(failed.status == .error)
        #expect(failed.statusReason == "discovery: issuer mismatch")
        #expect(try await org.getConnection(conn.id).status == .error)
        // `error` is a diagnosis: logins still go through (and run every protocol check).
        #expect(
            try await org.completeLogin(
                identity: SsoIdentity(subject: "s", email: "a@mycompany.com"), connectionID: conn.id
            ).session.connectionID == conn.id)
        let json = try jsonText(failed)
        #expect(json.contains(#""status":"error""#) && json.contains(#""status_reason":"discovery: issuer mismatch""#))
        let passed = try await org.recordConnectionTest(connectionID: conn.id, failureReason: nil)
        #expect(passed.status == .active)
        #expect(passed.statusReason == nil)
        _ = try await org.updateConnection(conn.id, .init(status: .inactive))
        #expect(try await org.recordConnectionTest(connectionID: conn.id, failureReason: "down").status == .inactive)
    }

    @Test func provisioningIsUndoneWhenTheSessionCannotBeStored() async throws {
        let stores = SsoStores(sessions: InMemorySessionStore(capacity: 1))
        let t = TestEngine(stores: stores)
        let org = try t.org()
        let conn = try await org.createConnection(Samples.oidc())
        _ = try await org.completeLogin(
            identity: SsoIdentity(subject: "a", email: "a@mycompany.com"), connectionID: conn.id)
        #expect(
            await errorCode {
                try await org.completeLogin(
                    identity: SsoIdentity(subject: "b", email: "b@mycompany.com"), connectionID: conn.id)
            } == .storeFull)
        #expect(try await stores.users.users(organizationID: org.id).map(\.subject) == ["a"])
    }

    @Test func foreignStoreErrorsBecomeStoreFailed() async throws {
        struct Boom: Error {}
        let failing = ClosureUserDirectory(
            find: { _, _ in throw Boom() }, insertIfAbsent: { _ in throw Boom() }, remove: { _ in }, list: { _ in [] }
        )
        let t = TestEngine(stores: SsoStores(users: failing))
        let org = try t.org()
        let conn = try await org.createConnection(Samples.oidc())
        let error = await thrownError {
            try await org.completeLogin(
                identity: SsoIdentity(subject: "a", email: "a@mycompany.com"), connectionID: conn.id)
        }
        #expect(error?.code == .storeFailed)
        #expect(error?.underlying is Boom)
        #expect(try await org.listSessions().sessions.isEmpty)
    }
}

extension SsoIdentity: CustomTestStringConvertible {
    public var testDescription: String {
        "\(subject.prefix(20)) \(email ?? "nil") verified=\(String(describing: emailVerified))"
    }
}
