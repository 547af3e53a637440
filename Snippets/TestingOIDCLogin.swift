// Test your login code against an in-process OpenID provider: no network, a clock you move,
// and an IdP that can be told to misbehave.
// snippet.hide
import Foundation
// snippet.show
import Sso
import SsoTesting

// snippet.hide
func oktaLoginProvisionsTheUser() async throws -> Bool {
    // snippet.show
    let environment = SsoTestEnvironment()
    let okta = environment.addOIDCProvider(
        issuer: "https://acme.okta.test", clientID: "app", clientSecret: Secret("s3cret"),
        redirectURIs: ["https://app.test/sso/callback"])
    let organization = try environment.engine.organization("org_acme")
    var params = CreateSsoConnectionParams.oidc(
        name: "Okta", issuerURL: "https://acme.okta.test", clientID: "app", clientSecret: Secret("s3cret"),
        domains: ["acme.test"], jitProvisioning: true, defaultRole: "member")
    params.redirectURIs = ["https://app.test/sso/callback"]
    _ = try await organization.createConnection(params)

    // Your login route redirects the browser to login.authorizeURL …
    let login = try await organization.getLoginURL(domain: "alice@acme.test")
    // … the user signs in at the IdP, which redirects back with a code and the state …
    let redirect = try okta.authorize(login, as: FakeOIDCUser(subject: "00u1", email: "alice@acme.test"))
    // … and your callback route completes the login.
    let result = try await organization.handleOidcCallback(code: redirect.code, state: redirect.state)

    // The same callback again is refused: the state is single use.
    do {
        _ = try await organization.handleOidcCallback(code: redirect.code, state: redirect.state)
        return false
    } catch {
        return result.provisioned && error.code == .loginInvalidState
    }
    // snippet.hide
}
// snippet.show
