// The body of a fuzz target and of a benchmark for your own SAML callback code: an engine over
// in-process fakes, fed arbitrary bytes or a freshly signed response.
import Sso
import SsoTesting

/// One fuzz input: whatever the bytes are, no forged SAMLResponse may ever sign anyone in.
func fuzzSAMLCallback(_ input: [UInt8], organization: SsoOrganization) async {
    let posted = String(decoding: input, as: UTF8.self)
    if let signedIn = try? await organization.handleSamlCallback(samlResponse: posted, relayState: "r") {
        preconditionFailure("a forged response signed in \(signedIn.email ?? "someone")")
    }
}

/// One benchmark iteration: start a login, have the IdP sign its answer, complete the login.
func completeOneSAMLLogin(_ environment: SsoTestEnvironment, idp: TestSAMLIdentityProvider) async throws {
    let organization = try environment.engine.organization("org_contoso")
    let login = try await organization.getLoginURL(domain: "bob@contoso.com")
    let post = try idp.respond(to: login, as: .entraStyle(email: "bob@contoso.com", givenName: "Bob", surname: "J"))
    _ = try await organization.handleSamlCallback(samlResponse: post.samlResponse, relayState: post.relayState)
}
