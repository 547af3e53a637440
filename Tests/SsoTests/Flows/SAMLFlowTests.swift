import Foundation
import Sso
import SsoSAML
import SsoTesting
import Testing

@Suite struct SAMLFlowTests {
    @Test(arguments: [Flow.entra, Flow.oneLogin, Flow.ping])
    func fullLoginPerIdPShape(_ shape: Flow.SAMLShape) async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (connection, idp) = try await Flow.saml(env, org, shape)
        let email = "bob@\(shape.domain)"
        let login = try await org.getLoginURL(domain: email)
        #expect(login.protocol == .saml)
        #expect(login.connectionID == connection.id)
        #expect(login.authorizeURL.hasPrefix(idp.ssoURL + "?SAMLRequest="))
        let post = try idp.respond(to: login, as: shape.user(email))
        let relayState = try #require(post.relayState)
        #expect(relayState.utf8.count <= 80)
        let result = try await org.handleSamlCallback(samlResponse: post.samlResponse, relayState: relayState)
        #expect(result.email == email)
        #expect(result.connectionID == connection.id)
        #expect(result.provisioned)
        #expect(result.name != nil)
        let session = try await org.validateSession(try #require(result.sessionID))
        #expect(session.email == email)
        // The same response again: the RelayState is spent.
        #expect(
            await errorCode {
                try await org.handleSamlCallback(samlResponse: post.samlResponse, relayState: relayState)
            } == .loginInvalidState)
        // A fresh login by the same user links to the same developer.
        let again = try idp.respond(to: try await org.getLoginURL(domain: shape.domain), as: shape.user(email))
        let second = try await org.handleSamlCallback(samlResponse: again.samlResponse, relayState: again.relayState)
        #expect(second.developerID == result.developerID)
        #expect(!second.provisioned)
    }

    @Test func entraGroupsAreReturned() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (_, idp) = try await Flow.saml(env, org, Flow.entra)
        let post = try idp.respond(
            to: try await org.getLoginURL(domain: Flow.entra.domain), as: Flow.entra.user("bob@contoso.com"))
        let result = try await org.handleSamlCallback(samlResponse: post.samlResponse, relayState: post.relayState)
        #expect(result.groups == ["5f0c-admins"])
        #expect(result.name == "Bob Jones")
    }

    @Test func replayedAssertionWithAnotherStateIsRefused() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (_, idp) = try await Flow.saml(env, org, Flow.oneLogin)
        let first = try idp.respond(
            to: try await org.getLoginURL(domain: Flow.oneLogin.domain), as: Flow.oneLogin.user("o@onecorp.example"))
        _ = try await org.handleSamlCallback(samlResponse: first.samlResponse, relayState: first.relayState)
        // A second, valid login state cannot be used to replay the first response.
        let second = try await org.getLoginURL(domain: Flow.oneLogin.domain)
        let relay = try #require(
            URLComponents(string: second.authorizeURL)?.queryItems?.first { $0.name == "RelayState" }?.value)
        let code = await errorCode {
            try await org.handleSamlCallback(samlResponse: first.samlResponse, relayState: relay)
        }
        #expect(code == .samlInResponseToMismatch || code == .samlReplay)
        #expect(try await org.listSessions().sessions.count == 1)
    }

    @Test func badResponsesAreRefusedWithoutWrites() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (_, idp) = try await Flow.saml(env, org, Flow.entra)
        let user = Flow.entra.user("bob@contoso.com")
        for options in [TestSAMLIdentityProvider.ResponseOptions.wrongAudience, .expired, .unsigned] {
            let post = try idp.respond(
                to: try await org.getLoginURL(domain: Flow.entra.domain), as: user, options: options)
            let code = await errorCode {
                try await org.handleSamlCallback(samlResponse: post.samlResponse, relayState: post.relayState)
            }
            #expect(code?.rawValue.hasPrefix("saml.") == true)
        }
        // A response for another customer's domain.
        let post = try idp.respond(
            to: try await org.getLoginURL(domain: Flow.entra.domain), as: Flow.entra.user("eve@other.example"))
        #expect(
            await errorCode {
                try await org.handleSamlCallback(samlResponse: post.samlResponse, relayState: post.relayState)
            } == .userIdentityRejected)
        #expect(
            await errorCode { try await org.handleSamlCallback(samlResponse: post.samlResponse, relayState: nil) }
                == .loginRelayStateMissing)
        #expect(
            await errorCode { try await org.handleSamlCallback(samlResponse: "garbage", relayState: "nope") }
                == .loginInvalidState)
        #expect(try await env.engine.stores.users.users(organizationID: org.id).isEmpty)
        #expect(try await org.listSessions().sessions.isEmpty)
    }

    @Test func anOIDCStateIsNotASAMLRelayState() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (_, provider) = try await Flow.oidc(env, org, Flow.okta)
        let redirect = try provider.authorize(
            try await org.getLoginURL(domain: Flow.okta.domain), as: Flow.user(Flow.okta))
        #expect(
            await errorCode { try await org.handleSamlCallback(samlResponse: "x", relayState: redirect.state) }
                == .loginProtocolMismatch)
    }

    @Test func sessionIsCappedBySessionNotOnOrAfter() async throws {
        // The test IdP sets SessionNotOnOrAfter 8 h after issue; a 24 h engine lifetime is capped to it.
        let env = SsoTestEnvironment(settings: .init(sessionLifetime: 24 * 3600))
        let org = try env.engine.organization("org_acme")
        let (_, idp) = try await Flow.saml(env, org, Flow.ping)
        let post = try idp.respond(
            to: try await org.getLoginURL(domain: Flow.ping.domain), as: Flow.ping.user("p@pingcorp.example"))
        let result = try await org.handleSamlCallback(samlResponse: post.samlResponse, relayState: post.relayState)
        let session = try await org.validateSession(try #require(result.sessionID))
        #expect(session.expiresAt == env.clock.now.addingTimeInterval(8 * 3600))
        #expect(result.sub == "pf-7788")
    }

    @Test func metadataURLIsFetchedThroughTheTransportAndCached() async throws {
        let env = SsoTestEnvironment(settings: .init(samlMetadataLifetime: 600))
        let org = try env.engine.organization("org_acme")
        let (_, idp) = try await Flow.saml(env, org, Flow.entra)
        let url = "https://metadata.test/entra-id.xml"
        for _ in 0..<3 {
            let post = try idp.respond(
                to: try await org.getLoginURL(domain: Flow.entra.domain), as: Flow.entra.user("bob@contoso.com"))
            _ = try await org.handleSamlCallback(samlResponse: post.samlResponse, relayState: post.relayState)
        }
        #expect(env.transport.count(for: url) == 1)
        env.clock.advance(by: 601)
        _ = try await org.getLoginURL(domain: Flow.entra.domain)
        #expect(env.transport.count(for: url) == 2)
    }

    @Test func metadataCacheDurationIsHonoured() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let idp = try env.addSAMLIdentityProvider(
            entityID: "https://idp.cache.test", ssoURL: "https://idp.cache.test/sso")
        let url = "https://idp.cache.test/metadata"
        let xml = idp.metadataXML().replacingOccurrences(
            of: "<md:EntityDescriptor ", with: "<md:EntityDescriptor cacheDuration=\"PT60S\" ")
        env.transport.route(url, text: xml)
        _ = try await org.createConnection(
            .saml(
                name: "Cache", metadata: .url(url), assertionConsumerServiceURL: Flow.acs, entityID: Flow.spEntityID,
                domains: ["cache.example"], jitProvisioning: true))
        _ = try await org.getLoginURL(domain: "cache.example")
        env.clock.advance(by: 30)
        _ = try await org.getLoginURL(domain: "cache.example")
        #expect(env.transport.count(for: url) == 1)
        env.clock.advance(by: 31)
        _ = try await org.getLoginURL(domain: "cache.example")
        #expect(env.transport.count(for: url) == 2)
    }

    @Test func inlineMetadataAndEngineLevelCallback() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let idp = try env.addSAMLIdentityProvider(
            entityID: "https://idp.inline.test", ssoURL: "https://idp.inline.test/sso")
        let connection = try await org.createConnection(
            .saml(
                name: "Inline", metadata: .xml(idp.metadataXML()), assertionConsumerServiceURL: Flow.acs,
                entityID: Flow.spEntityID, domains: ["inline.example"], jitProvisioning: true))
        let login = try await org.getLoginURL(SsoLoginParams(domain: "ann@inline.example"))
        let post = try idp.respond(to: login, as: TestSAMLUser(nameID: "ann@inline.example"))
        let result = try await env.engine.handleSamlCallback(
            samlResponse: post.samlResponse, relayState: post.relayState)
        #expect(result.connectionID == connection.id)
        #expect(result.email == "ann@inline.example")
        #expect(env.transport.requests.isEmpty)
    }

    @Test func deletedSAMLConnectionStopsPendingLogins() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (connection, idp) = try await Flow.saml(env, org, Flow.oneLogin)
        let post = try idp.respond(
            to: try await org.getLoginURL(domain: Flow.oneLogin.domain), as: Flow.oneLogin.user("o@onecorp.example"))
        try await org.deleteConnection(connection.id)
        #expect(
            await errorCode {
                try await org.handleSamlCallback(samlResponse: post.samlResponse, relayState: post.relayState)
            } == .loginInvalidState)
        #expect(try await env.engine.stores.users.users(organizationID: org.id).isEmpty)
    }
}
