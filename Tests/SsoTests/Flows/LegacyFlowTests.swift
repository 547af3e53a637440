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
        _ = try await org.createConfig(
            CreateSsoConfigParams(
                issuerURL: "https://accounts.google.test", clientID: "legacy-client",
                clientSecret: Secret("legacy-secret"),
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
        #expect(
            await errorCode { try await env.engine.handleCallback(code: redirect.code, state: redirect.state) }
                == .loginInvalidState)
        let again = try provider.authorize(try await org.getLegacyLoginURL().authorizeURL, as: user)
        #expect(try await org.handleCallback(code: again.code, state: again.state).developerID == result.developerID)
    }

    @Test func deletingTheConfigStopsPendingLogins() async throws {
        let (env, org, provider) = try await Self.setUp()
        let redirect = try provider.authorize(
            try await org.getLegacyLoginURL().authorizeURL, as: FakeOIDCUser(subject: "s", email: "a@b.example"))
        try await org.deleteConfig()
        #expect(
            await errorCode { try await org.handleCallback(code: redirect.code, state: redirect.state) }
                == .loginInvalidState)
        #expect(await errorCode { try await env.engine.getLoginURL(org: "my-organization") } == .configNotFound)
    }

    @Test func unverifiedEmailIsRefused() async throws {
        let (_, org, provider) = try await Self.setUp()
        let redirect = try provider.authorize(
            try await org.getLegacyLoginURL().authorizeURL,
            as: FakeOIDCUser(subject: "s", email: "a@b.example", emailVerified: false))
        #expect(
            await errorCode { try await org.handleCallback(code: redirect.code, state: redirect.state) }
                == .userIdentityRejected)
    }

    static func login(_ org: SsoOrganization, _ provider: FakeOIDCProvider, as user: FakeOIDCUser) async throws
        -> SsoLegacyCallbackResponse
    {
        let redirect = try provider.authorize(try await org.getLegacyLoginURL().authorizeURL, as: user)
        return try await org.handleCallback(code: redirect.code, state: redirect.state)
    }

    @Test func aLegacyLoginCreatesASessionThatIsListedAndRevoked() async throws {
        let (env, org, provider) = try await Self.setUp()
        let result = try await Self.login(
            org, provider, as: FakeOIDCUser(subject: "s-1", email: "Dev@Anything.example"))
        #expect(result.email == "dev@anything.example")
        let sessionID = try #require(result.sessionID)
        let session = try await org.validateSession(sessionID)
        #expect(session.email == "dev@anything.example")
        #expect(session.connectionName == "Legacy SSO config")
        #expect(session.expiresAt == env.clock.now.addingTimeInterval(env.engine.settings.sessionLifetime))
        #expect(try await org.listSessions().sessions.map(\.id) == [sessionID])
        let encoded = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        #expect(encoded.contains("\"session_id\""))
        try await org.revokeSession(sessionID)
        #expect(await errorCode { try await org.validateSession(sessionID) } == .sessionNotFound)
        #expect(try await org.listSessions().sessions.isEmpty)
        // Another organization sees none of it.
        let other = try env.engine.organization("org_other")
        let second = try await Self.login(
            org, provider, as: FakeOIDCUser(subject: "s-1", email: "dev@anything.example"))
        #expect(await errorCode { try await other.validateSession(try #require(second.sessionID)) } == .sessionNotFound)
        #expect(second.developerID == result.developerID)
    }

    @Test func deletingOrSwitchingTheConfigEndsLegacySessions() async throws {
        let (env, org, provider) = try await Self.setUp()
        let first = try #require(
            try await Self.login(org, provider, as: FakeOIDCUser(subject: "s", email: "a@b.example")).sessionID)
        // The same IdP and client with another redirect URI keeps sessions.
        _ = try await org.createConfig(
            CreateSsoConfigParams(
                issuerURL: "https://accounts.google.test", clientID: "legacy-client",
                clientSecret: Secret("legacy-secret"),
                redirectURI: "https://myapp.example/sso/callback2"))
        #expect(try await org.validateSession(first).id == first)
        // Another client (or issuer) ends them.
        _ = try await org.createConfig(
            CreateSsoConfigParams(
                issuerURL: "https://accounts.google.test", clientID: "other-client",
                clientSecret: Secret("legacy-secret"),
                redirectURI: "https://myapp.example/sso/callback"))
        #expect(await errorCode { try await org.validateSession(first) } == .sessionNotFound)
        provider.register(
            FakeOIDCClient(
                clientID: "other-client", clientSecret: Secret("legacy-secret"),
                redirectURIs: ["https://myapp.example/sso/callback"]))
        let second = try #require(
            try await Self.login(org, provider, as: FakeOIDCUser(subject: "s", email: "a@b.example")).sessionID)
        try await org.deleteConfig()
        #expect(await errorCode { try await org.validateSession(second) } == .sessionNotFound)
        #expect(try await org.listSessions().sessions.isEmpty)
        _ = env
    }

    @Test func legacyIdentitiesFollowTheConnectionRules() async throws {
        let (env, org, provider) = try await Self.setUp()
        // A domain another organization's connection claims belongs to another customer.
        let other = try env.engine.organization("org_other")
        _ = try await other.createConnection(Samples.oidc(domains: ["claimed.example"]))
        let claimed = await errorCode {
            try await Self.login(org, provider, as: FakeOIDCUser(subject: "x1", email: "eve@claimed.example"))
        }
        #expect(claimed == .userIdentityRejected)
        let invalid = await errorCode {
            try await Self.login(org, provider, as: FakeOIDCUser(subject: "x2", email: "not an email"))
        }
        #expect(invalid == .userIdentityRejected)
        #expect(try await env.engine.stores.users.users(organizationID: org.id).isEmpty)
        #expect(try await org.listSessions().sessions.isEmpty)
        // A domain this organization's own connection claims is fine, and so is no email at all
        // (the reference's legacy email is optional): the legacy flow always provisions.
        _ = try await org.createConnection(Samples.oidc(domains: ["mine.example"], jit: false))
        let mine = try await Self.login(org, provider, as: FakeOIDCUser(subject: "x3", email: "bob@mine.example"))
        #expect(mine.email == "bob@mine.example")
        let anonymous = try await Self.login(org, provider, as: FakeOIDCUser(subject: "x4"))
        #expect(anonymous.email == nil)
        #expect(try await org.validateSession(try #require(anonymous.sessionID)).email == "")
        #expect(try await env.engine.stores.users.users(organizationID: org.id).count == 2)
    }
}
