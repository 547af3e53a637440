import Foundation
@testable import Sso
import Testing

@Suite struct SessionTests {
    func loggedIn(_ t: TestEngine, subject: String = "okta|alice", email: String = "alice@mycompany.com")
        async throws -> (SsoOrganization, SsoConnection, SsoSession)
    {
        let org = try t.org()
        var conn = try await org.listConnections().connections.first
        if conn == nil { conn = try await org.createConnection(Samples.oidc()) }
        guard let conn else { throw SsoError("test", "no connection") }
        let outcome = try await org.completeLogin(
            identity: SsoIdentity(subject: subject, email: email, name: "Alice"), connectionID: conn.id)
        return (org, conn, outcome.session)
    }

    @Test func sessionHasReferenceFieldsAndEngineLifetime() async throws {
        let t = TestEngine(settings: .init(sessionLifetime: 3600))
        let (org, conn, session) = try await loggedIn(t)
        #expect(SsoID.isValid(session.id, prefix: "sso_sess_"))
        #expect(session.email == "alice@mycompany.com")
        #expect(session.connectionID == conn.id)
        #expect(session.connectionName == "Okta Production")
        #expect(session.createdAt == TestEngine.start)
        #expect(session.expiresAt == TestEngine.start.addingTimeInterval(3600))
        #expect(try await org.listSessions().sessions == [session])
        #expect(try await org.validateSession(session.id) == session)
    }

    @Test func expiredSessionsAreNotListed() async throws {
        let t = TestEngine(settings: .init(sessionLifetime: 3600))
        let (org, _, session) = try await loggedIn(t)
        t.clock.advance(by: 3599)
        #expect(try await org.listSessions().sessions.map(\.id) == [session.id])
        t.clock.advance(by: 1)
        #expect(try await org.listSessions().sessions.isEmpty)
        #expect(await errorCode { try await org.validateSession(session.id) } == .sessionNotFound)
        #expect(await errorCode { try await org.revokeSession(session.id) } == .sessionNotFound)
    }

    @Test func revokedSessionsAreNotListed() async throws {
        let t = TestEngine()
        let (org, _, first) = try await loggedIn(t)
        t.clock.advance(by: 1)
        let (_, _, second) = try await loggedIn(t, subject: "okta|bob", email: "bob@mycompany.com")
        try await org.revokeSession(first.id)
        #expect(try await org.listSessions().sessions.map(\.id) == [second.id])
        #expect(await errorCode { try await org.revokeSession(first.id) } == .sessionNotFound)
        #expect(await errorCode { try await org.validateSession(first.id) } == .sessionNotFound)
    }

    @Test(arguments: ["sso_sess_01HXZZZZZZZZZZZZZZZZZZZZZZ", "", "garbage", "sso_conn_01HXZZZZZZZZZZZZZZZZZZZZZZ"])
    func unknownSessionIsNotFound(_ id: String) async throws {
        let org = try TestEngine().org()
        #expect(await errorCode { try await org.revokeSession(id) } == .sessionNotFound)
        #expect(await errorCode { try await org.validateSession(id) } == .sessionNotFound)
    }

    @Test func sessionIsCappedByTheIdPLimit() async throws {
        let t = TestEngine(settings: .init(sessionLifetime: 8 * 3600))
        let org = try t.org()
        let conn = try await org.createConnection(Samples.saml())
        let cap = TestEngine.start.addingTimeInterval(1800)
        let outcome = try await org.completeLogin(
            identity: SsoIdentity(subject: "nameid-1", email: "bob@contoso.com"), connectionID: conn.id,
            sessionNotOnOrAfter: cap
        )
        #expect(outcome.session.expiresAt == cap)
        let late = TestEngine.start.addingTimeInterval(24 * 3600)
        let longer = try await org.completeLogin(
            identity: SsoIdentity(subject: "nameid-2", email: "eve@contoso.com"), connectionID: conn.id,
            sessionNotOnOrAfter: late)
        #expect(longer.session.expiresAt == TestEngine.start.addingTimeInterval(8 * 3600))
    }

    @Test func capInThePastCreatesNothing() async throws {
        let t = TestEngine()
        let org = try t.org()
        let conn = try await org.createConnection(Samples.saml())
        let error = await thrownError {
            try await org.completeLogin(
                identity: SsoIdentity(subject: "n", email: "bob@contoso.com"), connectionID: conn.id,
                sessionNotOnOrAfter: TestEngine.start)
        }
        #expect(error?.code == .sessionInvalid)
        #expect(try await org.listSessions().sessions.isEmpty)
        #expect(try await t.engine.stores.users.users(organizationID: org.id).isEmpty)
    }

    @Test func deletingAConnectionRevokesItsSessions() async throws {
        let t = TestEngine()
        let (org, conn, session) = try await loggedIn(t)
        let other = try await org.createConnection(Samples.saml())
        let kept = try await org.completeLogin(
            identity: SsoIdentity(subject: "n", email: "bob@contoso.com"), connectionID: other.id
        ).session
        try await org.deleteConnection(conn.id)
        #expect(try await org.listSessions().sessions.map(\.id) == [kept.id])
        #expect(await errorCode { try await org.validateSession(session.id) } == .sessionNotFound)
        #expect(
            try await t.engine.stores.sessions.session(id: session.id, organizationID: "org_acme")?.revokedAt
                == TestEngine.start)
    }

    @Test func deactivatingAConnectionRevokesItsSessions() async throws {
        let t = TestEngine()
        let (org, conn, session) = try await loggedIn(t)
        _ = try await org.updateConnection(conn.id, .init(status: .inactive))
        #expect(try await org.listSessions().sessions.isEmpty)
        #expect(await errorCode { try await org.validateSession(session.id) } == .sessionNotFound)
        _ = try await org.updateConnection(conn.id, .init(status: .active))
        #expect(await errorCode { try await org.validateSession(session.id) } == .sessionNotFound)
    }

    @Test func listShowsTheConnectionsCurrentName() async throws {
        let t = TestEngine()
        let (org, conn, _) = try await loggedIn(t)
        _ = try await org.updateConnection(conn.id, .init(name: "Okta (renamed)"))
        #expect(try await org.listSessions().sessions.first?.connectionName == "Okta (renamed)")
    }

    @Test func sessionJSONUsesReferenceKeys() async throws {
        let (_, _, session) = try await loggedIn(TestEngine())
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(session)) as? [String: String]
        #expect(json?.keys.sorted() == ["connection_id", "connection_name", "created_at", "email", "expires_at", "id"])
        #expect(json?["created_at"] == "2026-03-29T12:00:00Z")
        #expect(try JSONDecoder().decode(SsoSession.self, from: JSONEncoder().encode(session)) == session)
    }

    @Test func fullStoreMakesRoomByDroppingInactiveSessions() async throws {
        let stores = SsoStores(sessions: InMemorySessionStore(capacity: 1))
        let t = TestEngine(settings: .init(sessionLifetime: 3600), stores: stores)
        let (org, _, first) = try await loggedIn(t)
        #expect(
            await errorCode { try await loggedIn(t, subject: "okta|bob", email: "bob@mycompany.com") } == .storeFull)
        t.clock.advance(by: 3600)
        let (_, _, second) = try await loggedIn(t, subject: "okta|bob", email: "bob@mycompany.com")
        #expect(try await org.listSessions().sessions.map(\.id) == [second.id])
        #expect(try await stores.sessions.session(id: first.id, organizationID: "org_acme") == nil)
    }
}
