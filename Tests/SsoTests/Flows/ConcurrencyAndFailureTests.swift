import Foundation
import HTTPTypes
import Sso
import SsoTesting
import Testing

@Suite struct ConcurrencyAndFailureTests {
    @Test func hundredsOfConcurrentCallbacksStayIsolated() async throws {
        let env = SsoTestEnvironment()
        let shapes = [Flow.okta, Flow.google, Flow.auth0]
        var setups: [(SsoOrganization, Flow.OIDCShape, FakeOIDCProvider, String)] = []
        for (index, shape) in shapes.enumerated() {
            let org = try env.engine.organization("org_\(index)")
            let (connection, provider) = try await Flow.oidc(env, org, shape, clientID: "client-\(index)")
            setups.append((org, shape, provider, connection.id))
        }
        let perOrganization = 80
        let results = try await withThrowingTaskGroup(of: (Int, Int, SsoCallbackResponse).self) { group in
            for (index, setup) in setups.enumerated() {
                for n in 0..<perOrganization {
                    group.addTask {
                        let (org, shape, provider, _) = setup
                        let login = try await org.getLoginURL(domain: shape.domain)
                        let redirect = try provider.authorize(login, as: Flow.user(shape, local: "user\(n)"))
                        return (index, n, try await org.handleOidcCallback(code: redirect.code, state: redirect.state))
                    }
                }
            }
            var collected: [(Int, Int, SsoCallbackResponse)] = []
            for try await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == setups.count * perOrganization)
        for (index, n, result) in results {
            let (_, shape, _, connectionID) = setups[index]
            #expect(result.connectionID == connectionID)
            #expect(result.email == "user\(n)@\(shape.domain)")
            #expect(result.provisioned)
        }
        for (org, _, _, _) in setups {
            #expect(try await org.listSessions().sessions.count == perOrganization)
            #expect(try await env.engine.stores.users.users(organizationID: org.id).count == perOrganization)
        }
    }

    enum Breakage: CaseIterable { case failing, garbage, serverError, hanging }

    @Test(arguments: Breakage.allCases)
    func brokenTransportGivesATypedErrorAndNoWrites(_ breakage: Breakage) async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (_, provider) = try await Flow.oidc(env, org, Flow.okta)
        let redirect = try provider.authorize(
            try await org.getLoginURL(domain: Flow.okta.domain), as: Flow.user(Flow.okta))
        env.transport.route(provider.tokenEndpoint) { _, _ in
            switch breakage {
            case .failing: throw SsoError(.httpTransportFailed, "connection reset")
            case .garbage:
                return HTTPTransportResponse(response: HTTPResponse(status: .ok), body: Array("\u{0}{{not json".utf8))
            case .serverError:
                return HTTPTransportResponse(response: HTTPResponse(status: .internalServerError), body: [])
            case .hanging: throw TimedOut()
            }
        }
        let error = await thrownError { try await org.handleOidcCallback(code: redirect.code, state: redirect.state) }
        let code = try #require(error?.code)
        #expect(code.rawValue.hasPrefix("oidc.") || code.rawValue.hasPrefix("http."))
        #expect(try await env.engine.stores.users.users(organizationID: org.id).isEmpty)
        #expect(try await org.listSessions().sessions.isEmpty)
    }

    @Test func failingSAMLMetadataTransportIsTyped() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        _ = try await Flow.saml(env, org, Flow.ping)
        env.transport.route("https://metadata.test/pingfederate.xml") { _, _ in
            throw SsoError(.httpTransportFailed, "reset")
        }
        let code = await errorCode { try await org.getLoginURL(domain: Flow.ping.domain) }
        #expect(code?.rawValue.hasPrefix("saml.metadata") == true || code?.rawValue.hasPrefix("http.") == true)
    }

    @Test func sessionStoreFailureUndoesProvisioning() async throws {
        let stores = SsoStores(sessions: FailingSessionStore())
        let env = SsoTestEnvironment(stores: stores)
        let org = try env.engine.organization("org_acme")
        let (_, provider) = try await Flow.oidc(env, org, Flow.okta)
        let redirect = try provider.authorize(
            try await org.getLoginURL(domain: Flow.okta.domain), as: Flow.user(Flow.okta))
        #expect(
            await errorCode { try await org.handleOidcCallback(code: redirect.code, state: redirect.state) }
                == .storeFailed)
        #expect(try await env.engine.stores.users.users(organizationID: org.id).isEmpty)
    }

    @Test func enforcementDeniesPasswordsButNotSSO() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (_, provider) = try await Flow.oidc(env, org, Flow.okta)
        _ = try await org.setEnforcement(SsoEnforcementParams(enforced: true, exemptRoles: ["owner"]))
        let redirect = try provider.authorize(
            try await org.getLoginURL(domain: Flow.okta.domain), as: Flow.user(Flow.okta))
        let result = try await org.handleOidcCallback(code: redirect.code, state: redirect.state)
        #expect(result.provisioned)
        #expect(try await org.passwordLoginDecision(role: "member").isAllowed == false)
        #expect(try await org.passwordLoginDecision(role: "owner").isAllowed)
    }
}

/// What a host transport throws when its request deadline passes.
struct TimedOut: Error {}

/// A session store whose writes always fail.
struct FailingSessionStore: SsoSessionStore {
    struct Failure: Error {}
    let inner = InMemorySessionStore()
    func insert(_ session: SsoSessionRecord) async throws { throw Failure() }
    func session(id: String, organizationID: String) async throws -> SsoSessionRecord? {
        await inner.session(id: id, organizationID: organizationID)
    }
    func sessions(organizationID: String, activeAt: Date) async throws -> [SsoSessionRecord] {
        await inner.sessions(organizationID: organizationID, activeAt: activeAt)
    }
    func revoke(id: String, organizationID: String, at: Date) async throws -> Bool {
        await inner.revoke(id: id, organizationID: organizationID, at: at)
    }
    func revokeAll(connectionID: String, at: Date) async throws -> Int {
        await inner.revokeAll(connectionID: connectionID, at: at)
    }
    func purgeInactive(before cutoff: Date, limit: Int) async throws -> Int {
        await inner.purgeInactive(before: cutoff, limit: limit)
    }
}
