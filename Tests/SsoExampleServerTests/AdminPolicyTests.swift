import Foundation
import Hummingbird
import HummingbirdTesting
import Sso
import SsoHummingbird
import Testing

/// Sessions, enforcement and the legacy config through the admin API.
@Suite struct AdminPolicyTests {
    /// Signs `browser` in as carol through the LDAP form; returns the connection id.
    static func signInCarol(_ client: some TestClientProtocol, _ browser: TestBrowser) async throws -> String {
        let created = try await client.admin(.post, "/admin/sso/connections", json: AdminFixture.ldapConnectionJSON())
        let connectionID = try #require(try created.object()["id"] as? String)
        let page = try await browser.request(client, .get, "/sso/login?email=carol@corp.example")
        let token = try #require(FormBody.hiddenValue("token", in: page.text))
        let done = try await browser.request(
            client, .post, "/sso/ldap",
            form: [
                ("token", token), ("organization", AdminFixture.organizationID), ("connection", connectionID),
                ("username", "carol"), ("password", "carol-pw"),
            ])
        #expect(done.status == .seeOther)
        return connectionID
    }

    @Test func sessionsAreListedAndRevokingOneEndsTheBrowserSession() async throws {
        let fixture = try AdminFixture()
        try await fixture.application().test(.router) { client in
            #expect(try await client.admin(.get, "/admin/sso/sessions").text == "{\"sessions\":[]}")
            let browser = TestBrowser()
            let connectionID = try await Self.signInCarol(client, browser)
            #expect(try await browser.request(client, .get, "/me").status == .ok)

            let list = try await client.admin(.get, "/admin/sso/sessions").object()
            let sessions = try #require(list["sessions"] as? [[String: Any]])
            #expect(sessions.count == 1)
            let session = try #require(sessions.first)
            let sessionID = try #require(session["id"] as? String)
            #expect(sessionID.hasPrefix("sso_sess_"))
            #expect(session["email"] as? String == "carol@corp.example")
            #expect(session["connection_id"] as? String == connectionID)
            #expect(session["connection_name"] as? String == "Corp LDAP")
            #expect(session["created_at"] is String && session["expires_at"] is String)

            let revoked = try await client.admin(.delete, "/admin/sso/sessions/\(sessionID)")
            #expect(revoked.status == .noContent)
            let after = try await browser.request(client, .get, "/me")
            #expect(after.status == .unauthorized)
            #expect(browser.cookie("sso_session") == nil)
            #expect(try await client.admin(.get, "/admin/sso/sessions").text == "{\"sessions\":[]}")
            let again = try await client.admin(.delete, "/admin/sso/sessions/\(sessionID)")
            #expect(again.status == .notFound)
            #expect(again.errorCode == "session.not_found")
        }
    }

    @Test func deactivatingTheConnectionEndsItsSessions() async throws {
        let fixture = try AdminFixture()
        try await fixture.application().test(.router) { client in
            let browser = TestBrowser()
            let connectionID = try await Self.signInCarol(client, browser)
            let patched = try await client.admin(
                .patch, "/admin/sso/connections/\(connectionID)", json: #"{"status":"inactive"}"#)
            #expect(try patched.object()["status"] as? String == "inactive")
            #expect(try await browser.request(client, .get, "/me").status == .unauthorized)
            let refused = try await client.admin(
                .patch, "/admin/sso/connections/\(connectionID)", json: #"{"status":"error"}"#)
            #expect(refused.status == .unprocessableContent)
        }
    }

    @Test func enforcementIsReadAndSet() async throws {
        let fixture = try AdminFixture()
        try await fixture.application().test(.router) { client in
            let initial = try await client.admin(.get, "/admin/sso/enforcement")
            #expect(initial.text == #"{"enforced":false,"exempt_roles":[]}"#)
            let set = try await client.admin(
                .put, "/admin/sso/enforcement", json: #"{"enforced":true,"exempt_roles":["owner"]}"#)
            #expect(set.status == .ok)
            #expect(set.text == #"{"enforced":true,"exempt_roles":["owner"]}"#)
            #expect(try await client.admin(.get, "/admin/sso/enforcement").text == set.text)
            #expect(try await fixture.organization.getEnforcement().enforced)
            let wrong = try await client.admin(.put, "/admin/sso/enforcement", json: #"{"enforced":"yes"}"#)
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.errorCode == "enforcement.invalid_params")
            let missing = try await client.admin(.put, "/admin/sso/enforcement", json: #"{"exempt_roles":[]}"#)
            #expect(missing.status == .unprocessableContent)
            let empty = try await client.admin(
                .put, "/admin/sso/enforcement", json: #"{"enforced":true,"exempt_roles":[""]}"#)
            #expect(empty.status == .unprocessableContent)
        }
    }

    @Test func theLegacyConfigIsSetReadAndDeleted() async throws {
        let fixture = try AdminFixture()
        try await fixture.application().test(.router) { client in
            let none = try await client.admin(.get, "/admin/sso/config")
            #expect(none.status == .notFound)
            #expect(none.errorCode == "config.not_found")
            let body =
                #"{"issuer_url":"https://accounts.example.com","client_id":"legacy-client","client_secret":"s3cret-legacy","redirect_uri":"https://app.example.com/sso/callback"}"#
            let created = try await client.admin(.put, "/admin/sso/config", json: body)
            #expect(created.status == .ok)
            let config = try created.object()
            #expect(config["issuer_url"] as? String == "https://accounts.example.com")
            #expect(config["client_id"] as? String == "legacy-client")
            #expect(config["redirect_uri"] as? String == "https://app.example.com/sso/callback")
            #expect(config["created_at"] is String && config["updated_at"] is String)
            #expect(config["client_secret"] == nil)
            #expect(try await client.admin(.get, "/admin/sso/config").status == .ok)
            let invalid = try await client.admin(
                .put, "/admin/sso/config", json: #"{"issuer_url":"https://a.example","client_id":"c"}"#)
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.errorCode == "config.invalid_params")
            #expect(try await client.admin(.delete, "/admin/sso/config").status == .noContent)
            #expect(try await client.admin(.get, "/admin/sso/config").status == .notFound)
            #expect(try await client.admin(.delete, "/admin/sso/config").status == .notFound)
        }
    }
}
