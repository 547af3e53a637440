import Foundation
import SsoOIDC
import SsoTesting
import Testing

/// The provider-shaped fixtures made by `scripts/make-oidc-fixtures`, validated with a fixed clock.
@Suite("Provider fixtures")
struct ProviderFixtureTests {
    struct Expected: Decodable {
        var configured_issuer: String
        var issuer_policy: String?
        var issuer: String
        var client_id: String
        var nonce: String?
        var access_token: String?
        var expected_sub: String
        var expected_email: String
        var expected_kid: String
        var expected_alg: String
        var now: String
    }

    static let providers = ["okta", "entra", "google", "auth0", "onelogin", "pingfederate"]

    static func load(_ provider: String) throws -> (Expected, ProviderMetadata, JWKSet, String, DiscoveryOptions) {
        let expected = try JSONDecoder().decode(Expected.self, from: Data(fixtureBytes("\(provider)/expected.json")))
        let policy: IssuerPolicy = expected.issuer_policy == "entra_multi_tenant" ? .entraMultiTenant() : .exact
        let options = DiscoveryOptions(issuerPolicy: policy)
        let metadata = try ProviderMetadata.parse(
            fixtureBytes("\(provider)/discovery.json"), configuredIssuer: expected.configured_issuer, options: options)
        let keys = try JWKSet.parse(fixtureBytes("\(provider)/jwks.json"))
        let token = try fixtureText("\(provider)/id_token.jwt").trimmingCharacters(in: .whitespacesAndNewlines)
        return (expected, metadata, keys, token, options)
    }

    static func verifier(
        _ expected: Expected, _ metadata: ProviderMetadata, _ options: DiscoveryOptions,
        clientID: String? = nil
    ) -> IDTokenVerifier {
        IDTokenVerifier(
            issuer: metadata.issuer, clientID: clientID ?? expected.client_id, clientSecret: nil,
            issuerPolicy: options.issuerPolicy)
    }

    @Test("each fixture validates at its fixed time", arguments: providers)
    func validates(provider: String) throws {
        let (expected, metadata, keys, token, options) = try Self.load(provider)
        #expect(metadata.issuer == expected.issuer)
        let now = try #require(Timestamp.parse(expected.now))
        #expect(now == fixedNow)
        let validated = try Self.verifier(expected, metadata, options).validate(
            token, keys: keys,
            expectations: .init(nonce: expected.nonce, accessToken: expected.access_token.map(Secret.init), now: now))
        #expect(validated.subject == expected.expected_sub)
        #expect(validated.claims.string("email") == expected.expected_email)
        #expect(validated.keyID == expected.expected_kid)
        #expect(validated.algorithm.rawValue == expected.expected_alg)
    }

    @Test("each fixture is refused after it expires, for another client, or with another nonce", arguments: providers)
    func refusals(provider: String) async throws {
        let (expected, metadata, keys, token, options) = try Self.load(provider)
        let verifier = Self.verifier(expected, metadata, options)
        await expectSsoError(.joseClaimsExp) {
            try verifier.validate(token, keys: keys, expectations: .init(now: fixedNow.addingTimeInterval(7200)))
        }
        await expectSsoError(.joseClaimsAud) {
            try Self.verifier(expected, metadata, options, clientID: "someone-else").validate(
                token, keys: keys, expectations: .init(now: fixedNow))
        }
        await expectSsoError(.joseClaimsNonce) {
            try verifier.validate(token, keys: keys, expectations: .init(nonce: "other-nonce", now: fixedNow))
        }
    }

    @Test("Auth0's issuer keeps its trailing slash; without it discovery fails")
    func auth0TrailingSlash() async throws {
        let document = try fixtureBytes("auth0/discovery.json")
        let metadata = try ProviderMetadata.parse(document, configuredIssuer: "https://acme-test.us.auth0.com/")
        #expect(metadata.issuer.hasSuffix("/"))
        #expect(
            DiscoveryOptions().documentURL(for: metadata.issuer)
                == "https://acme-test.us.auth0.com/.well-known/openid-configuration")
        await expectSsoError(.oidcDiscoveryIssuerMismatch) {
            try ProviderMetadata.parse(document, configuredIssuer: "https://acme-test.us.auth0.com")
        }
    }

    @Test("a full login against a fake provider serving the Okta fixture keys' shape")
    func oktaShapedLogin() async throws {
        let key = try FakeSigningKey.rsa(
            pem: fixtureText("keys/okta-rsa.pem"),
            keyID: "vxSXxQvM5d6BvKoH1yIhQyOLcq1kqnSL1aKcOLmnZ5E")
        let harness = try Harness(signingKey: key, issuer: "https://dev-40213672.okta.com/oauth2/default")
        let result = try await harness.login()
        #expect(result.idToken.keyID == "vxSXxQvM5d6BvKoH1yIhQyOLcq1kqnSL1aKcOLmnZ5E")
    }

    @Test("a full login against an Auth0-shaped provider whose issuer ends with a slash")
    func auth0ShapedLogin() async throws {
        let key = try FakeSigningKey.rsa(pem: fixtureText("keys/auth0-rsa.pem"), keyID: "auth0-key")
        let harness = try Harness(signingKey: key, issuer: "https://acme-test.us.auth0.com/")
        let result = try await harness.login()
        #expect(result.issuer == "https://acme-test.us.auth0.com/")
        #expect(harness.provider.discoveryURL == "https://acme-test.us.auth0.com/.well-known/openid-configuration")
        let unslashed = try Harness(
            signingKey: key, issuer: "https://acme-test.us.auth0.com/",
            configuredIssuer: "https://acme-test.us.auth0.com")
        await expectSsoError(.oidcDiscoveryIssuerMismatch) { try await unslashed.login() }
    }
}
