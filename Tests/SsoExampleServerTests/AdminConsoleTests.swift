import Foundation
import Hummingbird
import HummingbirdTesting
import Sso
import SsoHummingbird
import Testing

/// The HTML admin console: a token form, a strict console cookie, CSRF-checked revocation.
@Suite struct AdminConsoleTests {
    @Test func theConsoleSignsInWithTheTokenAndRevokesWithACSRFToken() async throws {
        let fixture = try AdminFixture()
        try await fixture.application().test(.router) { client in
            let user = TestBrowser()
            _ = try await AdminPolicyTests.signInCarol(client, user)
            let admin = TestBrowser()
            let form = try await admin.request(client, .get, "/admin")
            #expect(form.status == .ok)
            #expect(form.text.contains("name=\"token\"") && !form.text.contains("carol@corp.example"))
            #expect(form.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)

            let wrong = try await admin.request(client, .post, "/admin/login", form: [("token", "guess")])
            #expect(wrong.status == .unauthorized)
            #expect(admin.cookie("sso_admin") == nil)
            let signedIn = try await admin.request(client, .post, "/admin/login", form: [("token", AdminFixture.token)])
            #expect(signedIn.status == .seeOther)
            let cookie = try #require(admin.setCookieHeader("sso_admin"))
            #expect(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Strict"))
            #expect(cookie.contains("Path=/admin"))

            let page = try await admin.request(client, .get, "/admin")
            #expect(page.text.contains("carol@corp.example") && page.text.contains("Corp LDAP"))
            let sessionID = try #require(try await fixture.organization.listSessions().sessions.first?.id)
            let csrf = try #require(FormBody.hiddenValue("csrf", in: page.text))
            let revoke = "/admin/sessions/\(sessionID)/revoke"
            // Without the CSRF token (a cross-site form), or with a forged one: refused.
            #expect(try await admin.request(client, .post, revoke, form: []).status == .forbidden)
            #expect(try await admin.request(client, .post, revoke, form: [("csrf", "A" + csrf)]).status == .forbidden)
            // The CSRF token without the console cookie (another browser): refused.
            #expect(
                try await TestBrowser().request(client, .post, revoke, form: [("csrf", csrf)]).status == .unauthorized)
            #expect(try await user.request(client, .get, "/me").status == .ok)

            let done = try await admin.request(client, .post, revoke, form: [("csrf", csrf)])
            #expect(done.status == .seeOther)
            #expect(done.location == "/admin")
            #expect(try await user.request(client, .get, "/me").status == .unauthorized)

            let out = try await admin.request(client, .post, "/admin/logout", form: [("csrf", csrf)])
            #expect(out.status == .seeOther)
            #expect(admin.cookie("sso_admin") == nil)
            #expect(try await admin.request(client, .get, "/admin").text.contains("name=\"token\""))
        }
    }

    @Test func aConsoleCookieExpires() async throws {
        let fixture = try AdminFixture()
        try await fixture.application().test(.router) { client in
            let admin = TestBrowser()
            _ = try await admin.request(client, .post, "/admin/login", form: [("token", AdminFixture.token)])
            #expect(try await admin.request(client, .get, "/admin").text.contains("Active sessions"))
            fixture.env.clock.advance(by: 3601)
            #expect(try await admin.request(client, .get, "/admin").text.contains("name=\"token\""))
        }
    }
}
