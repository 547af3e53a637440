import Foundation
@testable import SsoOIDC
import SsoTesting
import Testing

/// State, issuer and redirect URIs are compared as bytes (KELVIN SIGN is not `K`).
@Suite("OIDC identifiers are compared as bytes")
struct OIDCExactIdentifierTests {
    @Test("a look-alike state does not take the pending login")
    func lookAlikeState() async throws {
        let harness = try Harness()
        let store = InMemorySingleUseStore<PendingOIDCLogin>()
        let pending = PendingOIDCLogin(
            state: "state-K1", nonce: "n", codeVerifier: Secret(String(repeating: "v", count: 43)),
            redirectURI: Harness.redirectURI, issuer: Harness.issuer, clientID: Harness.clientID, createdAt: fixedNow)
        try await store.insert(pending, forKey: "state-K1", expiresAt: fixedNow.addingTimeInterval(600), now: fixedNow)
        let host = HostHarness(client: harness.client, store: store, clock: harness.clock)
        #expect("state-K1" == "state-\u{212A}1")
        await expectSsoError(.oidcStateInvalid) {
            try await host.callback(code: "c", state: "state-\u{212A}1")
        }
        #expect(harness.transport.count(for: harness.provider.tokenEndpoint) == 0)
        // The real state is still pending: the look-alike did not consume it.
        #expect(await store.take("state-K1", now: fixedNow) != nil)
    }

    @Test("a discovery issuer equal only under canonical equivalence is a mismatch")
    func discoveryIssuer() async throws {
        let configured = "https://idp.example.test/K"
        let members: [String: JSONValue] = [
            "issuer": .string("https://idp.example.test/\u{212A}"),
            "authorization_endpoint": "https://idp.example.test/authorize",
            "token_endpoint": "https://idp.example.test/token", "jwks_uri": "https://idp.example.test/jwks",
            "response_types_supported": ["code"], "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
        ]
        let document = Array(JSONValue.object(members).serialized().utf8)
        await expectSsoError(.oidcDiscoveryIssuerMismatch) {
            try ProviderMetadata.parse(document, configuredIssuer: configured)
        }
        var matching = members
        matching["issuer"] = .string(configured)
        let parsed = try ProviderMetadata.parse(
            Array(JSONValue.object(matching).serialized().utf8), configuredIssuer: configured)
        #expect(parsed.issuer == configured)
    }

    @Test("a redirect URI is accepted only byte for byte")
    func redirectURI() {
        var configuration = OIDCConfiguration(
            issuer: "https://op.example.test", clientID: "client", clientSecret: Secret("secret"),
            redirectURI: "https://app.example.test/K/callback", transport: FakeHTTPTransport())
        #expect(configuration.acceptsRedirectURI("https://app.example.test/K/callback"))
        #expect(!configuration.acceptsRedirectURI("https://app.example.test/\u{212A}/callback"))
        configuration.additionalRedirectURIs = ["https://app.example.test/K/other"]
        #expect(!configuration.acceptsRedirectURI("https://app.example.test/\u{212A}/other"))
    }
}
