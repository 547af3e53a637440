import HTTPTypes
import SsoCore
import SsoOIDC
import SsoTesting
import Testing

/// Discovery, JWKS, token and userinfo requests never follow a redirect, whatever the transport:
/// a 3xx is `http.redirect_refused` and its target is never requested.
@Suite struct RedirectRefusalTests {
    static let mirror = Harness.issuer + "/mirror"

    static func redirect(to location: String) -> FakeHTTPTransport.Handler {
        { _, _ in
            var fields = HTTPFields()
            fields[.location] = location
            return HTTPTransportResponse(
                response: HTTPResponse(status: .temporaryRedirect, headerFields: fields), body: [])
        }
    }

    @Test(
        "a redirect from any OIDC endpoint fails the login with http.redirect_refused",
        arguments: [
            "discovery", "jwks", "token", "userinfo",
        ])
    func everyEndpointRefuses(_ endpoint: String) async throws {
        let harness = try Harness(options: OIDCOptions(fetchUserinfo: true))
        let url: String
        switch endpoint {
        case "discovery": url = harness.provider.discoveryURL
        case "jwks": url = harness.provider.jwksURI
        case "token": url = harness.provider.tokenEndpoint
        default: url = harness.provider.userinfoEndpoint
        }
        harness.transport.route(url, Self.redirect(to: Self.mirror + "?code=abc"))
        harness.transport.route(Self.mirror, status: .ok, text: "{}")
        let error = await expectSsoError(.httpRedirectRefused) { try await harness.login() }
        #expect(error?.message.contains("abc") == false)
        #expect(harness.transport.count(for: Self.mirror) == 0)
        #expect(harness.transport.count(for: url) == 1)
    }

    @Test("the same login passes when no endpoint redirects")
    func baseline() async throws {
        let harness = try Harness(options: OIDCOptions(fetchUserinfo: true))
        let result = try await harness.login()
        #expect(result.subject == "user-1")
        #expect(result.userinfo != nil)
    }
}
