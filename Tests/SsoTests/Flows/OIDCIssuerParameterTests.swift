import Foundation
import Sso
import SsoTesting
import Testing

/// RFC 9207: the `iss` a provider adds to its authorization response reaches SsoOIDC, which
/// refuses a response from another issuer (a mix-up attack) before the code is exchanged.
@Suite struct OIDCIssuerParameterTests {
    @Test func theProvidersOwnIssIsAccepted() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (_, provider) = try await Flow.oidc(env, org, Flow.okta)
        let redirect = try provider.authorize(
            try await org.getLoginURL(domain: Flow.okta.domain), as: Flow.user(Flow.okta))
        let result = try await org.handleOidcCallback(code: redirect.code, state: redirect.state, iss: provider.issuer)
        #expect(result.email == "alice@\(Flow.okta.domain)")
    }

    @Test func anotherIssuersIssIsRefusedAtEveryEntryPoint() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (_, provider) = try await Flow.oidc(env, org, Flow.okta)
        let mixedUp = provider.issuer + "/other"
        let first = try provider.authorize(
            try await org.getLoginURL(domain: Flow.okta.domain), as: Flow.user(Flow.okta))
        #expect(
            await errorCode { try await org.handleOidcCallback(code: first.code, state: first.state, iss: mixedUp) }
                == .oidcCallbackIssuerMismatch)
        let second = try provider.authorize(
            try await org.getLoginURL(domain: Flow.okta.domain), as: Flow.user(Flow.okta))
        #expect(
            await errorCode {
                try await env.engine.handleOidcCallback(code: second.code, state: second.state, iss: mixedUp)
            } == .oidcCallbackIssuerMismatch)
        let third = try provider.authorize(
            try await org.getLoginURL(domain: Flow.okta.domain), as: Flow.user(Flow.okta))
        let params = SsoOidcCallbackParams(code: Secret(third.code), state: third.state, iss: mixedUp)
        #expect(await errorCode { try await org.handleOidcCallback(params) } == .oidcCallbackIssuerMismatch)
        #expect(try await org.listSessions().sessions.isEmpty)
    }
}
