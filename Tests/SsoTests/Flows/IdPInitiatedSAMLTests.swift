import Foundation
import Sso
import SsoSAML
import SsoTesting
import Testing

/// SAML responses posted to a connection's own ACS URL, including IdP-initiated ones.
@Suite struct IdPInitiatedSAMLTests {
    static func setUp(allowUnsolicited: Bool? = true) async throws
        -> (SsoTestEnvironment, SsoOrganization, SsoConnection, TestSAMLIdentityProvider)
    {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (connection, idp) = try await Flow.saml(env, org, Flow.entra, allowUnsolicited: allowUnsolicited)
        return (env, org, connection, idp)
    }

    static func unsolicited(_ idp: TestSAMLIdentityProvider, _ email: String, relayState: String? = nil) throws
        -> TestSAMLIdentityProvider.Post
    {
        try idp.idpInitiatedLogin(
            spEntityID: Flow.spEntityID, acsURL: Flow.acs, as: Flow.entra.user(email), relayState: relayState)
    }

    @Test func idpInitiatedLoginIsAcceptedWhenTheConnectionAllowsIt() async throws {
        let (env, org, connection, idp) = try await Self.setUp()
        let post = try Self.unsolicited(idp, "bob@contoso.com")
        let result = try await org.handleSamlCallback(
            samlResponse: post.samlResponse, relayState: nil, connectionID: connection.id)
        #expect(result.email == "bob@contoso.com")
        #expect(result.connectionID == connection.id)
        #expect(result.provisioned)
        #expect(try await org.validateSession(try #require(result.sessionID)).email == "bob@contoso.com")
        // The replay cache applies: the same assertion is refused the second time.
        let replay = await errorCode {
            try await org.handleSamlCallback(
                samlResponse: post.samlResponse, relayState: nil, connectionID: connection.id)
        }
        #expect(replay == .samlReplay)
        // An IdP's own RelayState (a target URL) is opaque; the engine-level entry finds the organization.
        let targeted = try Self.unsolicited(idp, "bob@contoso.com", relayState: "https://evil.example/after-login")
        let second = try await env.engine.handleSamlCallback(
            samlResponse: targeted.samlResponse, relayState: targeted.relayState, connectionID: connection.id)
        #expect(second.developerID == result.developerID)
        #expect(!second.provisioned)
        #expect(try await org.listSessions().sessions.count == 2)
    }

    @Test(arguments: [false, nil] as [Bool?])
    func idpInitiatedLoginIsRefusedByDefault(_ allow: Bool?) async throws {
        let (env, org, connection, idp) = try await Self.setUp(allowUnsolicited: allow)
        #expect(connection.allowUnsolicited == false)
        for relayState in [nil, "", "https://app.example.com/dashboard"] as [String?] {
            let post = try Self.unsolicited(idp, "bob@contoso.com", relayState: relayState)
            let code = await errorCode {
                try await org.handleSamlCallback(
                    samlResponse: post.samlResponse, relayState: relayState, connectionID: connection.id)
            }
            #expect(code == .samlUnsolicited)
        }
        #expect(try await env.engine.stores.users.users(organizationID: org.id).isEmpty)
        #expect(try await org.listSessions().sessions.isEmpty)
    }

    @Test func theRelayStateOnlyEntryPointStillNeedsARelayState() async throws {
        let (_, org, _, idp) = try await Self.setUp()
        let post = try Self.unsolicited(idp, "bob@contoso.com")
        #expect(
            await errorCode { try await org.handleSamlCallback(samlResponse: post.samlResponse, relayState: nil) }
                == .loginRelayStateMissing)
    }

    @Test func spInitiatedLoginThroughTheConnectionCallback() async throws {
        let (env, org, connection, idp) = try await Self.setUp(allowUnsolicited: nil)
        let post = try idp.respond(
            to: try await org.getLoginURL(domain: "bob@contoso.com"), as: Flow.entra.user("bob@contoso.com"))
        let relayState = try #require(post.relayState)
        let result = try await env.engine.handleSamlCallback(
            samlResponse: post.samlResponse, relayState: relayState, connectionID: connection.id)
        #expect(result.email == "bob@contoso.com")
        // The RelayState was taken: the same post is now an unsolicited response, refused here.
        let again = await errorCode {
            try await org.handleSamlCallback(
                samlResponse: post.samlResponse, relayState: relayState, connectionID: connection.id)
        }
        #expect(again == .samlUnsolicited)
    }

    @Test func aSolicitedResponseCannotBePassedOffAsUnsolicited() async throws {
        let (_, org, connection, idp) = try await Self.setUp()
        let post = try idp.respond(
            to: try await org.getLoginURL(domain: "bob@contoso.com"), as: Flow.entra.user("bob@contoso.com"))
        let code = await errorCode {
            try await org.handleSamlCallback(
                samlResponse: post.samlResponse, relayState: nil, connectionID: connection.id)
        }
        #expect(code == .samlInResponseToMismatch)
        #expect(try await org.listSessions().sessions.isEmpty)
    }

    @Test func aPendingLoginMustBelongToTheConnection() async throws {
        let (env, org, entra, idp) = try await Self.setUp()
        let (oneLogin, oneLoginIdP) = try await Flow.saml(env, org, Flow.oneLogin, allowUnsolicited: true)
        // A login started with OneLogin, posted to the Entra connection's ACS.
        let other = try oneLoginIdP.respond(
            to: try await org.getLoginURL(domain: Flow.oneLogin.domain), as: Flow.oneLogin.user("o@onecorp.example"))
        let mismatch = await errorCode {
            try await org.handleSamlCallback(
                samlResponse: other.samlResponse, relayState: other.relayState, connectionID: entra.id)
        }
        #expect(mismatch == .loginConnectionMismatch)
        // The state of an OIDC login.
        let (_, provider) = try await Flow.oidc(env, org, Flow.okta)
        let redirect = try provider.authorize(
            try await org.getLoginURL(domain: Flow.okta.domain), as: Flow.user(Flow.okta))
        let post = try Self.unsolicited(idp, "bob@contoso.com")
        let wrongKind = await errorCode {
            try await org.handleSamlCallback(
                samlResponse: post.samlResponse, relayState: redirect.state, connectionID: entra.id)
        }
        #expect(wrongKind == .loginProtocolMismatch)
        // The RelayState of another organization's login.
        let otherOrg = try env.engine.organization("org_other")
        let (_, pingIdP) = try await Flow.saml(env, otherOrg, Flow.ping)
        let foreign = try pingIdP.respond(
            to: try await otherOrg.getLoginURL(domain: Flow.ping.domain), as: Flow.ping.user("p@pingcorp.example"))
        let crossTenant = await errorCode {
            try await org.handleSamlCallback(
                samlResponse: post.samlResponse, relayState: foreign.relayState, connectionID: entra.id)
        }
        #expect(crossTenant == .loginInvalidState)
        #expect(try await org.listSessions().sessions.isEmpty)
        _ = oneLogin
    }

    @Test func theConnectionMustBeAnActiveSAMLConnectionOfTheOrganization() async throws {
        let (env, org, connection, idp) = try await Self.setUp()
        let post = try Self.unsolicited(idp, "bob@contoso.com")
        let (oidc, _) = try await Flow.oidc(env, org, Flow.okta)
        #expect(
            await errorCode {
                try await org.handleSamlCallback(
                    samlResponse: post.samlResponse, relayState: nil, connectionID: oidc.id)
            } == .loginProtocolMismatch)
        let otherOrg = try env.engine.organization("org_other")
        #expect(
            await errorCode {
                try await otherOrg.handleSamlCallback(
                    samlResponse: post.samlResponse, relayState: nil, connectionID: connection.id)
            } == .connectionNotFound)
        for id in ["sso_conn_unknown", "garbage", ""] {
            #expect(
                await errorCode {
                    try await env.engine.handleSamlCallback(
                        samlResponse: post.samlResponse, relayState: nil, connectionID: id)
                } == .connectionNotFound)
        }
        _ = try await org.updateConnection(connection.id, UpdateSsoConnectionParams(status: .inactive))
        #expect(
            await errorCode {
                try await env.engine.handleSamlCallback(
                    samlResponse: post.samlResponse, relayState: nil, connectionID: connection.id)
            } == .connectionInactive)
        #expect(try await env.engine.stores.users.users(organizationID: org.id).isEmpty)
    }

    @Test func anIdPInitiatedIdentityStillNeedsTheConnectionsDomain() async throws {
        let (env, org, connection, idp) = try await Self.setUp()
        let post = try Self.unsolicited(idp, "eve@other.example")
        let code = await errorCode {
            try await org.handleSamlCallback(
                samlResponse: post.samlResponse, relayState: nil, connectionID: connection.id)
        }
        #expect(code == .userIdentityRejected)
        #expect(try await env.engine.stores.users.users(organizationID: org.id).isEmpty)
    }

    @Test func concurrentPostsOfOneUnsolicitedResponseLogInOnce() async throws {
        let (env, org, connection, idp) = try await Self.setUp()
        let post = try Self.unsolicited(idp, "bob@contoso.com")
        let engine = env.engine
        let connectionID = connection.id
        let successes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    let result = try? await engine.handleSamlCallback(
                        samlResponse: post.samlResponse, relayState: nil, connectionID: connectionID)
                    return result != nil
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(successes == 1)
        #expect(try await org.listSessions().sessions.count == 1)
        #expect(try await env.engine.stores.users.users(organizationID: org.id).count == 1)
    }
}
