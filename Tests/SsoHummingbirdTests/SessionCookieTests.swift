import Foundation
import Hummingbird
import HummingbirdTesting
import Sso
import SsoHummingbird
import SsoTesting
import SsoTestSupport
import Testing

/// The session cookie: revocation and expiry end it on the next request, a forged one is
/// ignored, and logout revokes the engine's session.
@Suite struct SessionCookieTests {
    func signIn(_ fixture: RouteFixture, _ client: some TestClientProtocol, _ browser: TestBrowser) async throws
        -> String
    {
        let start = try await browser.request(client, .get, "/sso/login?email=alice@acme.example")
        let redirect = try fixture.oidc.authorize(
            start.location, as: FakeOIDCUser(subject: "00u-alice", email: "alice@acme.example"))
        _ = try await browser.request(client, .get, "/sso/callback?" + redirect.query)
        let me = try await browser.request(client, .get, "/me")
        return String(me.text.split(separator: "|").last ?? "")
    }

    @Test func revocationAndExpiryEndTheBrowserSession() async throws {
        let fixture = try await RouteFixture.make()
        try await fixture.application().test(.router) { client in
            let browser = TestBrowser()
            let sessionID = try await signIn(fixture, client, browser)
            try await fixture.organization.revokeSession(sessionID)
            let after = try await browser.request(client, .get, "/me")
            #expect(after.status == .unauthorized)
            #expect(browser.cookie("sso_session") == nil)

            let second = TestBrowser()
            _ = try await signIn(fixture, client, second)
            fixture.env.clock.advance(by: 8 * 3600 + 1)
            #expect(try await second.request(client, .get, "/me").status == .unauthorized)
        }
    }

    @Test func aForgedOrForeignSessionCookieIsIgnored() async throws {
        let fixture = try await RouteFixture.make()
        try await fixture.application().test(.router) { client in
            let browser = TestBrowser()
            let sessionID = try await signIn(fixture, client, browser)
            let genuine = try #require(browser.cookie("sso_session"))
            // The session id alone (as the admin API lists it) is no cookie.
            let bare = try await client.execute(
                uri: "/me", method: .get, headers: [.cookie: "sso_session=\(sessionID)"])
            #expect(bare.status == .unauthorized)
            // One changed character breaks the signature.
            let flipped = String(genuine.dropLast()) + (genuine.hasSuffix("A") ? "B" : "A")
            let forged = try await client.execute(
                uri: "/me", method: .get, headers: [.cookie: "sso_session=\(flipped)"])
            #expect(forged.status == .unauthorized)
            // A cookie signed under another key (another deployment) is not accepted either.
            let other = try await RouteFixture.make()
            let foreign = try await other.application().test(.router) { otherClient in
                try await otherClient.execute(uri: "/me", method: .get, headers: [.cookie: "sso_session=\(genuine)"])
            }
            #expect(foreign.status == .unauthorized)
        }
    }

    @Test func logoutRevokesTheSession() async throws {
        let fixture = try await RouteFixture.make()
        try await fixture.application().test(.router) { client in
            let browser = TestBrowser()
            let sessionID = try await signIn(fixture, client, browser)
            let out = try await browser.request(client, .post, "/sso/logout")
            #expect(out.status == .seeOther)
            #expect(browser.cookie("sso_session") == nil)
            #expect(
                await errorCode { try await fixture.organization.validateSession(sessionID) } == .sessionNotFound)
        }
    }
}
