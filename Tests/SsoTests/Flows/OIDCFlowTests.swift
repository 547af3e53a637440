import Foundation
import Sso
import SsoJOSE
import SsoTesting
import Testing

@Suite struct OIDCFlowTests {
    @Test(arguments: [Flow.okta, Flow.google, Flow.auth0])
    func fullLoginPerProviderShape(_ shape: Flow.OIDCShape) async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (connection, provider) = try await Flow.oidc(env, org, shape)
        let login = try await org.getLoginURL(domain: "Alice@\(shape.domain.uppercased())")
        #expect(login.connectionID == connection.id)
        #expect(login.protocol == .oidc)
        #expect(login.authorizeURL.hasPrefix(provider.authorizationEndpoint + "?"))
        #expect(login.authorizeURL.contains("code_challenge_method=S256"))
        let redirect = try provider.authorize(login, as: Flow.user(shape))
        let result = try await org.handleOidcCallback(code: redirect.code, state: redirect.state)
        #expect(result.email == "alice@\(shape.domain)")
        #expect(result.name == "Alice Smith")
        #expect(result.sub == shape.subject + "alice")
        #expect(result.connectionID == connection.id)
        #expect(result.provisioned)
        #expect(result.developerID.hasPrefix("dev_"))
        let sessionID = try #require(result.sessionID)
        #expect(sessionID.hasPrefix("sso_sess_"))
        let session = try await org.validateSession(sessionID)
        #expect(session.expiresAt == env.clock.now.addingTimeInterval(8 * 3600))
        if shape.name == "Okta" { #expect(result.groups == ["Everyone", "Engineering"]) }

        // Second login: same developer, not provisioned again.
        let again = try provider.authorize(try await org.getLoginURL(domain: shape.domain), as: Flow.user(shape))
        let second = try await org.handleOidcCallback(code: again.code, state: again.state)
        #expect(second.developerID == result.developerID)
        #expect(!second.provisioned)
        #expect(try await org.listSessions().sessions.count == 2)
    }

    @Test func stateIsSingleUseAndExpires() async throws {
        let env = SsoTestEnvironment(settings: .init(loginStateTTL: 300))
        let org = try env.engine.organization("org_acme")
        let (_, provider) = try await Flow.oidc(env, org, Flow.okta)
        let redirect = try provider.authorize(
            try await org.getLoginURL(domain: Flow.okta.domain), as: Flow.user(Flow.okta))
        _ = try await org.handleOidcCallback(code: redirect.code, state: redirect.state)
        #expect(
            await errorCode { try await org.handleOidcCallback(code: redirect.code, state: redirect.state) }
                == .loginInvalidState)
        #expect(
            await errorCode { try await org.handleOidcCallback(code: "x", state: "never-issued") } == .loginInvalidState
        )

        let late = try provider.authorize(try await org.getLoginURL(domain: Flow.okta.domain), as: Flow.user(Flow.okta))
        env.clock.advance(by: 301)
        #expect(
            await errorCode { try await org.handleOidcCallback(code: late.code, state: late.state) }
                == .loginInvalidState)
    }

    @Test func redirectOverrideMustBeOnTheAllowList() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (_, provider) = try await Flow.oidc(env, org, Flow.okta)
        let chosen = try await org.getLoginURL(domain: Flow.okta.domain, redirectURI: Flow.otherCallback)
        let query = try #require(URLComponents(string: chosen.authorizeURL)?.queryItems)
        #expect(query.first { $0.name == "redirect_uri" }?.value == Flow.otherCallback)
        let redirect = try provider.authorize(chosen, as: Flow.user(Flow.okta))
        _ = try await org.handleOidcCallback(code: redirect.code, state: redirect.state)
        for evil in [
            "https://evil.example/cb", Flow.callback + "/", Flow.callback.uppercased(), Flow.callback + "?x=1",
        ] {
            #expect(
                await errorCode { try await org.getLoginURL(domain: Flow.okta.domain, redirectURI: evil) }
                    == .loginRedirectURINotAllowed)
        }
    }

    @Test func identityChecksAfterTheProvider() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (_, provider) = try await Flow.oidc(env, org, Flow.okta)
        _ = try await Flow.oidc(env, org, Flow.google, clientID: "client-2")
        // Unverified email: refused, nothing written.
        var redirect = try provider.authorize(
            try await org.getLoginURL(domain: Flow.okta.domain), as: Flow.user(Flow.okta, verified: false))
        #expect(
            await errorCode { try await org.handleOidcCallback(code: redirect.code, state: redirect.state) }
                == .userIdentityRejected)
        // Okta asserting a user of the Google connection's domain: refused.
        var mallory = Flow.user(Flow.okta)
        mallory.email = "ceo@\(Flow.google.domain)"
        redirect = try provider.authorize(try await org.getLoginURL(domain: Flow.okta.domain), as: mallory)
        #expect(
            await errorCode { try await org.handleOidcCallback(code: redirect.code, state: redirect.state) }
                == .userIdentityRejected)
        #expect(try await env.engine.stores.users.users(organizationID: org.id).isEmpty)
        #expect(try await org.listSessions().sessions.isEmpty)
    }

    @Test func withoutJITUnknownUsersAreRefused() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (_, provider) = try await Flow.oidc(env, org, Flow.okta, jit: false)
        let redirect = try provider.authorize(
            try await org.getLoginURL(domain: Flow.okta.domain), as: Flow.user(Flow.okta))
        #expect(
            await errorCode { try await org.handleOidcCallback(code: redirect.code, state: redirect.state) }
                == .userNotProvisioned)
        #expect(try await org.listSessions().sessions.isEmpty)
    }

    @Test func deletingOrDeactivatingStopsPendingLoginsAndSessions() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (connection, provider) = try await Flow.oidc(env, org, Flow.okta)
        let done = try provider.authorize(try await org.getLoginURL(domain: Flow.okta.domain), as: Flow.user(Flow.okta))
        let session = try #require(try await org.handleOidcCallback(code: done.code, state: done.state).sessionID)
        let pending = try provider.authorize(
            try await org.getLoginURL(domain: Flow.okta.domain), as: Flow.user(Flow.okta))
        _ = try await org.updateConnection(connection.id, .init(status: .inactive))
        #expect(
            await errorCode { try await org.handleOidcCallback(code: pending.code, state: pending.state) }
                == .loginInvalidState)
        #expect(await errorCode { try await org.validateSession(session) } == .sessionNotFound)
        #expect(await errorCode { try await org.getLoginURL(domain: Flow.okta.domain) } == .connectionInactive)

        _ = try await org.updateConnection(connection.id, .init(status: .active))
        let next = try provider.authorize(try await org.getLoginURL(domain: Flow.okta.domain), as: Flow.user(Flow.okta))
        try await org.deleteConnection(connection.id)
        #expect(
            await errorCode { try await org.handleOidcCallback(code: next.code, state: next.state) }
                == .loginInvalidState)
        #expect(await errorCode { try await org.getLoginURL(domain: Flow.okta.domain) } == .routingNoConnection)
    }

    @Test func stateOfAnotherOrganizationIsRefused() async throws {
        let env = SsoTestEnvironment()
        let acme = try env.engine.organization("org_acme")
        let globex = try env.engine.organization("org_globex")
        let (_, provider) = try await Flow.oidc(env, acme, Flow.okta)
        let redirect = try provider.authorize(
            try await acme.getLoginURL(domain: Flow.okta.domain), as: Flow.user(Flow.okta))
        #expect(
            await errorCode { try await globex.handleOidcCallback(code: redirect.code, state: redirect.state) }
                == .loginInvalidState)
        // Another organization cannot start a login through acme's connection either.
        #expect(await errorCode { try await globex.getLoginURL(domain: Flow.okta.domain) } == .routingNoConnection)
    }

    @Test func engineLevelCallbackFindsTheOrganization() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (connection, provider) = try await Flow.oidc(env, org, Flow.auth0)
        let redirect = try provider.authorize(
            try await org.getLoginURL(domain: Flow.auth0.domain), as: Flow.user(Flow.auth0))
        let result = try await env.engine.handleOidcCallback(code: redirect.code, state: redirect.state)
        #expect(result.connectionID == connection.id)
        #expect(try await org.validateSession(try #require(result.sessionID)).connectionID == connection.id)
    }

    @Test func providerKeysAreSharedPerIssuer() async throws {
        let env = SsoTestEnvironment()
        let acme = try env.engine.organization("org_acme")
        let globex = try env.engine.organization("org_globex")
        let (_, provider) = try await Flow.oidc(env, acme, Flow.okta)
        var params = CreateSsoConnectionParams.oidc(
            name: "Okta (globex)", issuerURL: Flow.okta.issuer, clientID: "client-g",
            clientSecret: Secret("secret-client-g"),
            domains: ["globex.example"], jitProvisioning: true)
        params.redirectURIs = [Flow.callback]
        _ = try await globex.createConnection(params)
        provider.register(
            FakeOIDCClient(clientID: "client-g", clientSecret: Secret("secret-client-g"), redirectURIs: [Flow.callback])
        )
        for (org, domain) in [(acme, Flow.okta.domain), (globex, "globex.example"), (acme, Flow.okta.domain)] {
            var user = Flow.user(Flow.okta)
            user.email = "alice@\(domain)"
            let redirect = try provider.authorize(try await org.getLoginURL(domain: domain), as: user)
            _ = try await org.handleOidcCallback(code: redirect.code, state: redirect.state)
        }
        #expect(env.transport.count(for: provider.discoveryURL) == 1)
        #expect(env.transport.count(for: provider.jwksURI) == 1)
    }

    @Test func ldapDomainsHaveNoLoginURL() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        var params = CreateSsoConnectionParams.ldap(
            name: "LDAP", serverURL: "ldaps://ldap.corp.example", bindDN: "cn=svc,dc=corp,dc=example",
            bindPassword: Secret("pw"), userSearchBase: "ou=people,dc=corp,dc=example", domains: ["corp.example"])
        params.editLDAP { $0.groupMode = .memberOf }
        _ = try await org.createConnection(params)
        #expect(await errorCode { try await org.getLoginURL(domain: "bob@corp.example") } == .loginCredentialsRequired)
    }
}
