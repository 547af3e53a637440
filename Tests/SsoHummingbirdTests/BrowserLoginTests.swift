import Foundation
import Hummingbird
import HummingbirdTesting
import Sso
import SsoHummingbird
import SsoTesting
import Testing

/// Logins through the routes as a browser makes them, and the refusals a browser can see.
@Suite struct BrowserLoginTests {
    @Test func oidcLoginSetsABoundCookieAndEndsWithASession() async throws {
        let fixture = try await RouteFixture.make()
        try await fixture.application().test(.router) { client in
            let browser = TestBrowser()
            let start = try await browser.request(client, .get, "/sso/login?email=alice@acme.example")
            #expect(start.status == .found)
            #expect(start.location.hasPrefix("https://acme.okta.test/"))
            let binding = try #require(browser.setCookieHeader("sso_login"))
            #expect(binding.contains("HttpOnly") && binding.contains("Secure") && binding.contains("SameSite=Lax"))
            #expect(binding.contains("Path=/sso"))

            let redirect = try fixture.oidc.authorize(
                start.location, as: FakeOIDCUser(subject: "00u-alice", email: "alice@acme.example"))
            let done = try await browser.request(client, .get, "/sso/callback?" + redirect.query)
            #expect(done.status == .seeOther)
            #expect(done.location == "/me")
            #expect(browser.cookie("sso_login") == nil)
            let session = try #require(browser.setCookieHeader("sso_session"))
            #expect(session.contains("HttpOnly") && session.contains("Secure") && session.contains("SameSite=Lax"))
            #expect(session.contains("Max-Age=28800"))

            let me = try await browser.request(client, .get, "/me")
            #expect(me.status == .ok)
            #expect(me.text.hasPrefix("alice@acme.example|"))
        }
    }

    @Test func aCallbackReplayedInAnotherBrowserSignsNobodyIn() async throws {
        let fixture = try await RouteFixture.make()
        try await fixture.application().test(.router) { client in
            let victim = TestBrowser()
            let attacker = TestBrowser()
            let start = try await attacker.request(client, .get, "/sso/login?email=mallory@acme.example")
            let redirect = try fixture.oidc.authorize(
                start.location, as: FakeOIDCUser(subject: "00u-mallory", email: "mallory@acme.example"))
            // The attacker's callback URL opened in the victim's browser (login CSRF).
            let forced = try await victim.request(client, .get, "/sso/callback?" + redirect.query)
            #expect(forced.status == .forbidden)
            #expect(forced.text.contains("login.browser_mismatch"))
            #expect(victim.cookie("sso_session") == nil)
            #expect(try await fixture.organization.listSessions().sessions.isEmpty)
            // Another browser's binding cookie does not fit this state either.
            let other = TestBrowser()
            _ = try await other.request(client, .get, "/sso/login?email=bob@acme.example")
            let crossed = try await other.request(client, .get, "/sso/callback?" + redirect.query)
            #expect(crossed.status == .forbidden)
            // The browser that started the login still completes it: the refusals spent nothing.
            let own = try await attacker.request(client, .get, "/sso/callback?" + redirect.query)
            #expect(own.status == .seeOther)
        }
    }

    @Test func samlLoginUsesACrossSiteCookieOnTheCallbackPathOnly() async throws {
        let fixture = try await RouteFixture.make()
        try await fixture.application().test(.router) { client in
            let browser = TestBrowser()
            let start = try await browser.request(client, .get, "/sso/login?email=bob@contoso.example")
            #expect(start.status == .found)
            #expect(start.location.hasPrefix("https://idp.contoso.test/sso?SAMLRequest="))
            let binding = try #require(browser.setCookieHeader("sso_saml_login"))
            #expect(binding.contains("SameSite=None") && binding.contains("Secure") && binding.contains("HttpOnly"))
            #expect(binding.contains("Path=/sso/saml/callback"))
            let post = try fixture.saml.respond(
                to: SsoLoginResponse(authorizeURL: start.location), as: TestSAMLUser(nameID: "bob@contoso.example"))
            let form = [("SAMLResponse", post.samlResponse), ("RelayState", post.relayState ?? "")]

            // Posted from a browser that did not start it: refused, and the login is not spent.
            let elsewhere = try await TestBrowser().request(client, .post, "/sso/saml/callback", form: form)
            #expect(elsewhere.status == .forbidden)
            let done = try await browser.request(client, .post, "/sso/saml/callback", form: form)
            #expect(done.status == .seeOther)
            #expect(try await browser.request(client, .get, "/me").text.hasPrefix("bob@contoso.example|"))
        }
    }

    @Test func idpInitiatedSAMLLandsOnTheConnectionsOwnCallback() async throws {
        let fixture = try await RouteFixture.make()
        try await fixture.application().test(.router) { client in
            let post = try fixture.saml.idpInitiatedLogin(
                spEntityID: "https://app.example.com/saml/metadata", acsURL: RouteFixture.acs,
                as: TestSAMLUser(nameID: "dana@contoso.example"), relayState: "https://app.example.com/reports")
            let browser = TestBrowser()
            let form = [("SAMLResponse", post.samlResponse), ("RelayState", post.relayState ?? "")]
            let uri = "/sso/saml/callback/\(fixture.samlConnection.id)"
            let done = try await browser.request(client, .post, uri, form: form)
            #expect(done.status == .seeOther)
            #expect(try await browser.request(client, .get, "/me").status == .ok)
            // The same assertion again is a replay.
            let again = try await TestBrowser().request(
                client, .post, uri, form: form, headers: [.accept: "application/json"])
            #expect(again.status == .unauthorized)
            #expect(again.text.contains("\"code\":\"saml.replay\""))
        }
    }

    @Test func ldapDomainsGetABoundFormAndSignIn() async throws {
        let fixture = try await RouteFixture.make()
        try await fixture.application().test(.router) { client in
            let browser = TestBrowser()
            let page = try await browser.request(client, .get, "/sso/login?email=carol@corp.example")
            #expect(page.status == .ok)
            #expect(page.text.contains("action=\"/sso/ldap\""))
            #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            let token = try #require(Self.hiddenValue("token", in: page.text))
            var form = [
                ("token", token), ("organization", "org_acme"), ("connection", fixture.ldapConnection.id),
                ("username", "carol"), ("password", "wrong"),
            ]
            let wrong = try await browser.request(client, .post, "/sso/ldap", form: form)
            #expect(wrong.status == .unauthorized)
            #expect(!wrong.text.contains("wrong"))
            form[4] = ("password", "carol-pw")
            // The same form from another browser: no binding cookie.
            #expect(try await TestBrowser().request(client, .post, "/sso/ldap", form: form).status == .forbidden)
            // A form whose token was changed does not fit the cookie.
            var forged = form
            // Another first character: a token that already starts with "A" stayed unchanged
            // (one run in 64 signed in with the "forged" form).
            forged[0] = ("token", (token.hasPrefix("A") ? "B" : "A") + token.dropFirst())
            #expect(try await browser.request(client, .post, "/sso/ldap", form: forged).status == .forbidden)
            let done = try await browser.request(client, .post, "/sso/ldap", form: form)
            #expect(done.status == .seeOther)
            #expect(try await browser.request(client, .get, "/me").text.hasPrefix("carol@corp.example|"))
        }
    }

    static func hiddenValue(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
