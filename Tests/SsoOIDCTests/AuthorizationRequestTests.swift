import Foundation
import SsoOIDC
import SsoTesting
import Testing

@Suite("Authorization request and PKCE")
struct AuthorizationRequestTests {
    static func make(
        endpoint: String = "https://idp.example.test/authorize", scopes: [String] = AuthorizationRequest.defaultScopes,
        parameters: AuthorizationParameters = AuthorizationParameters(), random: any RandomSource = CountingRandom()
    ) throws -> AuthorizationRequest {
        try AuthorizationRequest.make(
            authorizationEndpoint: endpoint, issuer: "https://idp.example.test", clientID: "my client&id",
            redirectURI: "https://app.example.test/cb?x=1&y=a%20b", scopes: scopes, parameters: parameters,
            random: random, now: fixedNow)
    }

    static func query(_ request: AuthorizationRequest) throws -> [String: String] {
        let items = try #require(URLComponents(string: request.url)?.queryItems)
        var out: [String: String] = [:]
        for item in items { out[item.name] = item.value }
        return out
    }

    @Test("RFC 7636 Appendix B: S256 challenge")
    func pkceVector() throws {
        #expect(
            PKCE.challenge(for: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
                == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
        #expect(!PKCE.isValidVerifier("short"))
        #expect(!PKCE.isValidVerifier(String(repeating: "a", count: 129)))
        #expect(!PKCE.isValidVerifier(String(repeating: "a", count: 42) + "+"))
    }

    @Test("the URL carries every required parameter, properly encoded")
    func requiredParameters() throws {
        let request = try Self.make()
        let query = try Self.query(request)
        #expect(request.url.hasPrefix("https://idp.example.test/authorize?response_type=code&"))
        #expect(query["response_type"] == "code")
        #expect(query["client_id"] == "my client&id")
        #expect(query["redirect_uri"] == "https://app.example.test/cb?x=1&y=a%20b")
        #expect(query["scope"] == "openid email profile")
        #expect(query["state"] == request.pending.state)
        #expect(query["nonce"] == request.pending.nonce)
        #expect(query["code_challenge"] == PKCE.challenge(for: request.pending.codeVerifier.unsafeValue))
        #expect(query["code_challenge_method"] == "S256")
        #expect(request.url.contains("client_id=my%20client%26id"))
        #expect(request.url.contains("redirect_uri=https%3A%2F%2Fapp.example.test%2Fcb%3Fx%3D1%26y%3Da%2520b"))
        #expect(query["prompt"] == nil && query["max_age"] == nil)
    }

    @Test("state, nonce and verifier are 256-bit, distinct, and from the injected source")
    func randomValues() throws {
        let request = try Self.make()
        let values = [request.pending.state, request.pending.nonce, request.pending.codeVerifier.unsafeValue]
        for value in values {
            #expect(try Base64URL.decode(value).count == 32)
        }
        #expect(Set(values).count == 3)
        let again = try Self.make()
        #expect(again.pending.state == request.pending.state, "a seeded source gives the same values")
        let fresh = try Self.make(random: SystemRandomSource())
        #expect(fresh.pending.state != request.pending.state)
    }

    @Test("a broken random source fails closed")
    func brokenRandom() async {
        struct Zeros: RandomSource { func bytes(_ count: Int) -> [UInt8] { Array(repeating: 0, count: count) } }
        struct Short: RandomSource { func bytes(_ count: Int) -> [UInt8] { [1, 2, 3] } }
        await expectSsoError(.oidcConfigInvalid) { try Self.make(random: Zeros()) }
        await expectSsoError(.oidcConfigInvalid) { try Self.make(random: Short()) }
    }

    @Test("optional parameters")
    func optionalParameters() throws {
        let parameters = AuthorizationParameters(
            prompt: "login consent", loginHint: "alice+x@corp.test", domainHint: "corp.test", maxAge: 300,
            additionalScopes: ["groups", "email"], context: "sso_conn_1")
        let request = try Self.make(parameters: parameters)
        let query = try Self.query(request)
        #expect(query["prompt"] == "login consent")
        #expect(query["login_hint"] == "alice+x@corp.test")
        #expect(request.url.contains("login_hint=alice%2Bx%40corp.test"))
        #expect(query["domain_hint"] == "corp.test")
        #expect(query["max_age"] == "300")
        #expect(query["scope"] == "openid email profile groups")
        #expect(request.pending.maxAge == 300)
        #expect(request.pending.context == "sso_conn_1")
        #expect(query["context"] == nil)
    }

    @Test("bad optional parameters are refused")
    func badParameters() async {
        await expectSsoError(.oidcAuthorizationInvalidParameter) {
            try Self.make(parameters: AuthorizationParameters(prompt: "none login"))
        }
        await expectSsoError(.oidcAuthorizationInvalidParameter) {
            try Self.make(parameters: AuthorizationParameters(prompt: "sneaky"))
        }
        await expectSsoError(.oidcAuthorizationInvalidParameter) {
            try Self.make(parameters: AuthorizationParameters(maxAge: -1))
        }
        await expectSsoError(.oidcAuthorizationInvalidParameter) {
            try Self.make(parameters: AuthorizationParameters(loginHint: "a\r\nb"))
        }
        await expectSsoError(.oidcConfigInvalid) { try Self.make(scopes: ["openid", "bad scope\""]) }
    }

    @Test("openid is always requested and the endpoint's own query is kept")
    func openidAndExistingQuery() throws {
        let request = try Self.make(endpoint: "https://idp.example.test/authorize?p=B2C_1_signin", scopes: ["email"])
        let query = try Self.query(request)
        #expect(query["scope"] == "openid email")
        #expect(query["p"] == "B2C_1_signin")
        #expect(request.url.hasPrefix("https://idp.example.test/authorize?p=B2C_1_signin&response_type=code"))
    }

    @Test("the pending login's description hides its secrets")
    func pendingRedacted() throws {
        let request = try Self.make()
        let text = "\(request.pending)"
        #expect(!text.contains(request.pending.nonce))
        #expect(!text.contains(request.pending.codeVerifier.unsafeValue))
    }
}
