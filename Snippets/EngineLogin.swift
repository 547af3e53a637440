// The engine's login flow in three calls: route an email to its connection and get the IdP's
// URL, then complete the login in the protocol's callback.
import Sso

// snippet.hide
func handlers(engine: SsoEngine) async throws {
    // snippet.show
    let organization = try engine.organization("org_acme")

    // GET /sso/login?email=alice@acme.com — redirect the browser to the IdP.
    let login = try await organization.getLoginURL(
        domain: "alice@acme.com", redirectURI: "https://app.example.com/sso/callback")
    print("302 Location:", login.authorizeURL)

    // GET /sso/callback?code=…&state=…&iss=… (OIDC)
    let signedIn = try await organization.handleOidcCallback(code: "…", state: "…", iss: "https://acme.okta.com")
    print(signedIn.email ?? "no email", signedIn.provisioned)

    // POST /sso/saml/callback with the SAMLResponse and RelayState form fields (SAML)
    _ = try await organization.handleSamlCallback(samlResponse: "…", relayState: "…")

    // POST /sso/ldap with the form's username and password (LDAP)
    _ = try await organization.handleLdapCallback(username: "carol", password: Secret("…"), connectionID: "…")

    // On every request: is the session still valid (not expired, not revoked)?
    if let sessionID = signedIn.sessionID {
        let session = try await organization.validateSession(sessionID)
        print(session.email, session.expiresAt)
    }
    // snippet.hide
}
// snippet.show
