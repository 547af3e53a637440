import Foundation
import SsoOIDC
import SsoTesting
import Testing

@Suite("Callback and login state")
struct CallbackTests {
    @Test("a state is single use: a replayed callback fails")
    func replayedState() async throws {
        let harness = try Harness()
        let request = try await harness.relyingParty.startLogin()
        let redirect = try harness.provider.authorize(request.url, as: harness.user)
        _ = try await harness.relyingParty.handleCallback(code: redirect.code, state: redirect.state)
        await expectSsoError(.oidcStateInvalid) {
            try await harness.relyingParty.handleCallback(code: redirect.code, state: redirect.state)
        }
    }

    @Test("unknown, empty and expired states fail before any token request")
    func badStates() async throws {
        let harness = try Harness()
        await expectSsoError(.oidcStateInvalid) { try await harness.relyingParty.handleCallback(code: "c", state: "nope") }
        await expectSsoError(.oidcStateInvalid) { try await harness.relyingParty.handleCallback(code: "c", state: "") }
        let request = try await harness.relyingParty.startLogin()
        let redirect = try harness.provider.authorize(request.url, as: harness.user)
        harness.clock.advance(by: 601)
        await expectSsoError(.oidcStateInvalid) {
            try await harness.relyingParty.handleCallback(code: redirect.code, state: redirect.state)
        }
        #expect(harness.transport.count(for: harness.provider.tokenEndpoint) == 0)
    }

    @Test("a state stored by another client is refused")
    func foreignState() async throws {
        let harness = try Harness()
        let store = InMemorySingleUseStore<PendingOIDCLogin>()
        let pending = PendingOIDCLogin(
            state: "s1", nonce: "n", codeVerifier: String(repeating: "v", count: 43), redirectURI: Harness.redirectURI,
            issuer: "https://other.example.test", clientID: Harness.clientID, createdAt: fixedNow)
        try await store.insert(pending, forKey: "s1", expiresAt: fixedNow.addingTimeInterval(600), now: fixedNow)
        let relyingParty = try OIDCRelyingParty(configuration: harness.relyingParty.configuration, loginStore: store)
        await expectSsoError(.oidcStateInvalid) { try await relyingParty.handleCallback(code: "c", state: "s1") }
    }

    @Test("the callback query form: code and state, error answers, and the iss parameter")
    func callbackQuery() async throws {
        let harness = try Harness()
        let request = try await harness.relyingParty.startLogin(AuthorizationParameters(context: "conn-7"))
        let redirect = try harness.provider.authorize(request.url, as: harness.user)
        let result = try await harness.relyingParty.handleCallback(query: redirect.query)
        #expect(result.context == "conn-7")

        let denied = try await harness.relyingParty.startLogin()
        let error = await expectSsoError(.oidcCallbackError) {
            try await harness.relyingParty.handleCallback(
                query: "error=access_denied&error_description=User+cancelled&state=\(denied.state)")
        }
        #expect((error?.underlying as? OAuthErrorResponse)?.errorDescription == "User cancelled")
        // The error consumed the state.
        await expectSsoError(.oidcStateInvalid) {
            try await harness.relyingParty.handleCallback(code: "x", state: denied.state)
        }

        let mixup = try await harness.relyingParty.startLogin()
        let mixupRedirect = try harness.provider.authorize(mixup.url, as: harness.user)
        await expectSsoError(.oidcCallbackIssuerMismatch) {
            try await harness.relyingParty.handleCallback(
                query: "code=\(mixupRedirect.code)&state=\(mixup.state)&iss=https%3A%2F%2Fevil.example.test")
        }
        await expectSsoError(.oidcCallbackMalformed) {
            try await harness.relyingParty.handleCallback(query: "code=a&code=b&state=\(mixup.state)")
        }
    }

    @Test("a missing code is its own error")
    func missingCode() async throws {
        let harness = try Harness()
        let request = try await harness.relyingParty.startLogin()
        await expectSsoError(.oidcCallbackCodeMissing) {
            try await harness.relyingParty.handleCallback(code: "", state: request.state)
        }
    }

    @Test("max_age requires a recent auth_time")
    func maxAge() async throws {
        let harness = try Harness()
        let result = try await harness.login(parameters: AuthorizationParameters(maxAge: 300))
        #expect(result.idToken.claims.authTime != nil)
        harness.provider.misbehave { $0.omitClaims = ["auth_time"] }
        await expectSsoError(.joseClaimsAuthTime) {
            try await harness.login(parameters: AuthorizationParameters(maxAge: 300))
        }
    }

    @Test("at_hash is checked against the access token")
    func atHash() async throws {
        let harness = try Harness()
        harness.provider.misbehave { $0.extraClaims = ["at_hash": .string("AAAAAAAAAAAAAAAAAAAAAA")] }
        await expectSsoError(.joseClaimsAtHash) { try await harness.login() }
    }

    @Test("the identity carries the claims; errors and descriptions carry no secret")
    func identityAndSecrecy() async throws {
        let harness = try Harness()
        let result = try await harness.login()
        let identity = result.identity
        #expect(identity.subject == "user-1")
        #expect(identity.email == "alice@corp.test")
        #expect(identity.emailVerified == true)
        #expect(identity.name == "Alice Example")
        #expect(identity.groups == ["admins", "staff"])
        #expect(identity.attributes["iss"] == [Harness.issuer])
        let secret = Harness.clientSecret.unsafeValue
        #expect(!"\(result)".contains(secret))
        #expect(!"\(harness.relyingParty.configuration.clientSecret)".contains(secret))
        harness.provider.misbehave { $0.tokenError = ("invalid_client", nil) }
        let error = await expectSsoError(.oidcTokenError) { try await harness.login() }
        #expect(error.map { !$0.detailedDescription().contains(secret) } == true)
    }

    @Test("an unusable configuration is refused up front")
    func badConfiguration() async throws {
        let transport = FakeHTTPTransport()
        func make(issuer: String = "https://idp.test", redirect: String = "https://app.test/cb", secret: String = "s")
            throws -> OIDCRelyingParty
        {
            try OIDCRelyingParty(configuration: OIDCConfiguration(
                issuer: issuer, clientID: "c", clientSecret: Secret(secret), redirectURI: redirect,
                transport: transport))
        }
        await expectSsoError(.oidcConfigInvalid) { try make(issuer: "http://idp.test") }
        await expectSsoError(.oidcConfigInvalid) { try make(issuer: "https://idp.test?x=1") }
        await expectSsoError(.oidcConfigInvalid) { try make(redirect: "javascript:alert(1)") }
        await expectSsoError(.oidcConfigInvalid) { try make(secret: "") }
        _ = try make(redirect: "http://localhost:8080/cb")
    }
}
