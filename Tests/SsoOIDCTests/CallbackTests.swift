import Foundation
import SsoOIDC
import SsoTesting
import Testing

@Suite("Callback and login state")
struct CallbackTests {
    @Test("a state is single use: a replayed callback fails")
    func replayedState() async throws {
        let harness = try Harness()
        let request = try await harness.start()
        let redirect = try harness.provider.authorize(request.url, as: harness.user)
        _ = try await harness.callback(code: redirect.code, state: redirect.state)
        await expectSsoError(.oidcStateInvalid) {
            try await harness.callback(code: redirect.code, state: redirect.state)
        }
    }

    @Test("unknown, empty and expired states fail before any token request")
    func badStates() async throws {
        let harness = try Harness()
        await expectSsoError(.oidcStateInvalid) { try await harness.callback(code: "c", state: "nope") }
        await expectSsoError(.oidcStateInvalid) { try await harness.callback(code: "c", state: "") }
        let request = try await harness.start()
        let redirect = try harness.provider.authorize(request.url, as: harness.user)
        harness.clock.advance(by: 601)
        await expectSsoError(.oidcStateInvalid) {
            try await harness.callback(code: redirect.code, state: redirect.state)
        }
        #expect(harness.transport.count(for: harness.provider.tokenEndpoint) == 0)
    }

    @Test("a state stored by another client is refused")
    func foreignState() async throws {
        let harness = try Harness()
        let store = InMemorySingleUseStore<PendingOIDCLogin>()
        let pending = PendingOIDCLogin(
            state: "s1", nonce: "n", codeVerifier: Secret(String(repeating: "v", count: 43)),
            redirectURI: Harness.redirectURI,
            issuer: "https://other.example.test", clientID: Harness.clientID, createdAt: fixedNow)
        try await store.insert(pending, forKey: "s1", expiresAt: fixedNow.addingTimeInterval(600), now: fixedNow)
        let host = HostHarness(client: harness.client, store: store, clock: harness.clock)
        await expectSsoError(.oidcStateInvalid) { try await host.callback(code: "c", state: "s1") }
    }

    @Test("the callback query form: code and state, error answers, and the iss parameter")
    func callbackQuery() async throws {
        let harness = try Harness()
        let request = try await harness.start(AuthorizationParameters(context: "conn-7"))
        let redirect = try harness.provider.authorize(request.url, as: harness.user)
        let result = try await harness.callback(query: redirect.query)
        #expect(result.context == "conn-7")

        let denied = try await harness.start()
        let error = await expectSsoError(.oidcCallbackError) {
            try await harness.callback(
                query: "error=access_denied&error_description=User+cancelled&state=\(denied.state)")
        }
        #expect((error?.underlying as? OAuthErrorResponse)?.errorDescription == "User cancelled")
        // The error consumed the state.
        await expectSsoError(.oidcStateInvalid) {
            try await harness.callback(code: "x", state: denied.state)
        }

        let mixup = try await harness.start()
        let mixupRedirect = try harness.provider.authorize(mixup.url, as: harness.user)
        await expectSsoError(.oidcCallbackIssuerMismatch) {
            try await harness.callback(
                query: "code=\(mixupRedirect.code)&state=\(mixup.state)&iss=https%3A%2F%2Fevil.example.test")
        }
        await expectSsoError(.oidcCallbackMalformed) {
            try await harness.callback(query: "code=a&code=b&state=\(mixup.state)")
        }
    }

    @Test("the state is single use in the host's store even when completing fails")
    func failedCompletionConsumesState() async throws {
        let harness = try Harness()
        let request = try await harness.start()
        let redirect = try harness.provider.authorize(request.url, as: harness.user)
        await expectSsoError(.oidcCallbackIssuerMismatch) {
            try await harness.callback(code: redirect.code, state: redirect.state, iss: "https://evil.example.test")
        }
        await expectSsoError(.oidcStateInvalid) {
            try await harness.callback(code: redirect.code, state: redirect.state)
        }
    }

    @Test("a provider that promises iss (RFC 9207) must send it; a correct iss passes")
    func issuerParameterRequired() async throws {
        let harness = try Harness()
        guard case .object(var members) = harness.provider.discoveryDocument else {
            Issue.record("the discovery document is not an object")
            return
        }
        members["authorization_response_iss_parameter_supported"] = .bool(true)
        harness.transport.route(harness.provider.discoveryURL, text: JSONValue.object(members).serialized())
        #expect(try await harness.client.metadata().authorizationResponseIssParameterSupported)
        let request = try await harness.start()
        let redirect = try harness.provider.authorize(request.url, as: harness.user)
        await expectSsoError(.oidcCallbackIssuerMissing) {
            try await harness.client.complete(code: redirect.code, iss: nil, pending: request.pending)
        }
        #expect(harness.transport.count(for: harness.provider.tokenEndpoint) == 0)
        let result = try await harness.client.complete(
            code: redirect.code, iss: Harness.issuer, pending: request.pending)
        #expect(result.subject == "user-1")
        let plain = try Harness()
        #expect(try await plain.client.metadata().authorizationResponseIssParameterSupported == false)
    }

    @Test("the callback parser: code, state and iss; errors; malformed queries")
    func callbackParser() throws {
        guard
            case .code(let code, let state, let iss) = try OIDCCallback.parse(
                query: "code=c%2B1&state=s&iss=https%3A%2F%2Fop")
        else {
            Issue.record("expected a code answer")
            return
        }
        #expect(code.unsafeValue == "c+1")
        #expect(state == "s")
        #expect(iss == "https://op")
        guard case .error(let response, let errorState) = try OIDCCallback.parse(query: "error=access_denied&state=s2")
        else {
            Issue.record("expected an error answer")
            return
        }
        #expect(response.error == "access_denied")
        #expect(errorState == "s2")
        #expect(OIDCCallback.refusal(response).code == .oidcCallbackError)
        #expect(throws: SsoError.self) { try OIDCCallback.parse(query: "code=a&code=b") }
        #expect(throws: SsoError.self) { try OIDCCallback.parse(query: "code=%ZZ") }
        #expect(throws: SsoError.self) { try OIDCCallback.parse(query: String(repeating: "a", count: 16 * 1024 + 1)) }
    }

    @Test("a pending login's description, debug description and dump show no PKCE verifier or nonce")
    func pendingLoginRedaction() async throws {
        let harness = try Harness()
        let pending = try await harness.client.authorize().pending
        let verifier = pending.codeVerifier.unsafeValue
        #expect(verifier.utf8.count >= 43)
        var dumped = ""
        dump(pending, to: &dumped)
        for text in [String(describing: pending), String(reflecting: pending), dumped, "\(pending)"] {
            #expect(!text.contains(verifier))
            #expect(!text.contains(pending.nonce))
        }
        #expect(dumped.contains(Harness.clientID))
        // The Codable form is for the host's store: it keeps the verifier so the login can complete.
        let decoded = try JSONDecoder().decode(PendingOIDCLogin.self, from: JSONEncoder().encode(pending))
        #expect(decoded == pending)
        #expect(decoded.codeVerifier.unsafeValue == verifier)
    }

    @Test("a missing code is its own error")
    func missingCode() async throws {
        let harness = try Harness()
        let request = try await harness.start()
        await expectSsoError(.oidcCallbackCodeMissing) {
            try await harness.callback(code: "", state: request.state)
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
        #expect(!"\(harness.client.configuration.clientSecret)".contains(secret))
        harness.provider.misbehave { $0.tokenError = ("invalid_client", nil) }
        let error = await expectSsoError(.oidcTokenError) { try await harness.login() }
        #expect(error.map { !$0.detailedDescription().contains(secret) } == true)
    }

    @Test("an unusable configuration is refused up front")
    func badConfiguration() async throws {
        let transport = FakeHTTPTransport()
        func make(issuer: String = "https://idp.test", redirect: String = "https://app.test/cb", secret: String = "s")
            throws -> OIDCClient
        {
            try OIDCClient(
                configuration: OIDCConfiguration(
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
