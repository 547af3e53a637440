import Foundation
import Sso
import SsoTesting
import Testing

@Suite struct LegacyFlowTests {
    static func setUp() async throws -> (SsoTestEnvironment, SsoOrganization, FakeOIDCProvider) {
        let env = SsoTestEnvironment()
        let provider = env.addOIDCProvider(
            issuer: "https://accounts.google.test", clientID: "legacy-client", clientSecret: Secret("legacy-secret"),
            redirectURIs: ["https://myapp.example/sso/callback"])
        let org = try env.engine.organization("my-organization")
        _ = try await org.createConfig(CreateSsoConfigParams(
            issuerURL: "https://accounts.google.test", clientID: "legacy-client", clientSecret: Secret("legacy-secret"),
            redirectURI: "https://myapp.example/sso/callback"))
        return (env, org, provider)
    }

    @Test func legacyFlowUsesTheSameOIDCMachinery() async throws {
        let (env, org, provider) = try await Self.setUp()
        let login = try await env.engine.getLoginURL(org: "my-organization")
        #expect(login.connectionID == nil)
        #expect(login.protocol == nil)
        #expect(login.authorizeURL.contains("code_challenge="))
        let user = FakeOIDCUser(subject: "1234567890", email: "dev@anything.example", name: "Dev One")
        let redirect = try provider.authorize(login.authorizeURL, as: user)
        let result = try await env.engine.handleCallback(code: redirect.code, state: redirect.state)
        #expect(result.sub == "1234567890")
        #expect(result.email == "dev@anything.example")
        #expect(result.developerID.hasPrefix("dev_"))
        #expect(await errorCode { try await env.engine.handleCallback(code: redirect.code, state: redirect.state) } == .loginInvalidState)
        let again = try provider.authorize(try await org.getLegacyLoginURL().authorizeURL, as: user)
        #expect(try await org.handleCallback(code: again.code, state: again.state).developerID == result.developerID)
    }

    @Test func deletingTheConfigStopsPendingLogins() async throws {
        let (env, org, provider) = try await Self.setUp()
        let redirect = try provider.authorize(try await org.getLegacyLoginURL().authorizeURL, as: FakeOIDCUser(subject: "s", email: "a@b.example"))
        try await org.deleteConfig()
        #expect(await errorCode { try await org.handleCallback(code: redirect.code, state: redirect.state) } == .loginInvalidState)
        #expect(await errorCode { try await env.engine.getLoginURL(org: "my-organization") } == .configNotFound)
    }

    @Test func unverifiedEmailIsRefused() async throws {
        let (_, org, provider) = try await Self.setUp()
        let redirect = try provider.authorize(
            try await org.getLegacyLoginURL().authorizeURL, as: FakeOIDCUser(subject: "s", email: "a@b.example", emailVerified: false))
        #expect(await errorCode { try await org.handleCallback(code: redirect.code, state: redirect.state) } == .userIdentityRejected)
    }
}
