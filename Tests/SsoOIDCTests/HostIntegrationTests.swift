import Foundation
import SsoOIDC
import SsoTesting
import Testing

/// How a host (the SsoEngine) embeds OIDC clients: one shared login store routed by context,
/// redirect URI overrides from an allow-list, shared caches and connection tests.
@Suite("Host integration")
struct HostIntegrationTests {
    @Test("a shared store: the host takes the state, routes by context, and completes the login")
    func sharedStoreRouting() async throws {
        let harness = try Harness()
        let store = InMemorySingleUseStore<PendingOIDCLogin>()
        let client = try OIDCClient(configuration: harness.client.configuration)
        let host = HostHarness(client: client, store: store, clock: harness.clock)
        let request = try await host.start(AuthorizationParameters(context: "sso_conn_42"))
        let redirect = try harness.provider.authorize(request.url, as: harness.user)
        let pending = try #require(await store.take(redirect.state, now: harness.clock.now))
        #expect(pending.context == "sso_conn_42")
        let result = try await client.complete(code: redirect.code, iss: nil, pending: pending)
        #expect(result.subject == "user-1")
        #expect(result.context == "sso_conn_42")
        // The state is gone from the shared store: a replay fails.
        await expectSsoError(.oidcStateInvalid) {
            try await host.callback(code: redirect.code, state: redirect.state)
        }
    }

    @Test("a pending login of another client or past its TTL cannot be completed")
    func foreignOrOldPending() async throws {
        let harness = try Harness()
        let request = try await harness.start()
        var foreign = request.pending
        foreign.clientID = "another-client"
        await expectSsoError(.oidcStateInvalid) {
            try await harness.client.complete(code: "c", iss: nil, pending: foreign)
        }
        harness.clock.advance(by: 601)
        await expectSsoError(.oidcStateInvalid) {
            try await harness.client.complete(code: "c", iss: nil, pending: request.pending)
        }
        #expect(harness.transport.count(for: harness.provider.tokenEndpoint) == 0)
    }

    @Test("redirect URI overrides must be on the allow-list")
    func redirectOverride() async throws {
        let harness = try Harness()
        let alternate = "https://app.example.test/alt/callback"
        harness.provider.register(
            FakeOIDCClient(
                clientID: Harness.clientID, clientSecret: Harness.clientSecret,
                redirectURIs: [Harness.redirectURI, alternate]))
        await expectSsoError(.oidcAuthorizationInvalidParameter) {
            try await harness.start(AuthorizationParameters(redirectURI: alternate))
        }
        var configuration = harness.client.configuration
        configuration.additionalRedirectURIs = [alternate]
        let client = try OIDCClient(configuration: configuration)
        let host = harness.with(client: client)
        let request = try await host.start(AuthorizationParameters(redirectURI: alternate))
        #expect(request.pending.redirectURI == alternate)
        let redirect = try harness.provider.authorize(request.url, as: harness.user)
        #expect(redirect.url.hasPrefix(alternate + "?"))
        let result = try await host.callback(code: redirect.code, state: redirect.state)
        #expect(result.subject == "user-1")
        await expectSsoError(.oidcAuthorizationInvalidParameter) {
            try await client.authorize(AuthorizationParameters(redirectURI: "https://evil.example.test/cb"))
        }
    }

    @Test("clients of one issuer can share their caches")
    func sharedCaches() async throws {
        let harness = try Harness()
        let configuration = harness.client.configuration
        let second = try OIDCClient(
            configuration: configuration, metadataCache: harness.client.metadataCache,
            jwksCache: harness.client.jwksCache)
        _ = try await harness.login()
        let token = try harness.token(signedBy: try TestKeys.rsa1())
        _ = try await second.validateIDToken(token)
        #expect(harness.transport.count(for: harness.provider.discoveryURL) == 1)
        #expect(harness.transport.count(for: harness.provider.jwksURI) == 1)
        let otherIssuer = JWKSCache(
            issuer: "https://other.example.test", transport: harness.transport,
            clock: harness.clock)
        await expectSsoError(.oidcConfigInvalid) {
            try OIDCClient(configuration: configuration, jwksCache: otherIssuer)
        }
    }

    @Test("testConnection fetches discovery and keys afresh and counts usable keys")
    func connectionTest() async throws {
        let harness = try Harness()
        harness.provider.publish([try TestKeys.rsa1(), try TestKeys.ec1(), .hs256(secret: Harness.clientSecret)])
        let check = try await harness.client.testConnection()
        #expect(check.usableKeyCount == 2)
        #expect(check.metadata.issuer == Harness.issuer)
        harness.provider.publish([])
        await expectSsoError(.oidcJWKSNoUsableKeys) { try await harness.client.testConnection() }
        harness.transport.removeRoute(harness.provider.discoveryURL)
        harness.clock.advance(by: 10)
        await expectSsoError(.oidcDiscoveryHTTPStatus) { try await harness.client.testConnection() }
    }
}
