import Foundation
import Hummingbird
import Sso
import SsoCore

extension SsoRoutes {
    /// `GET {base}/login?email=…`: a 302 to the IdP with the binding cookie, or the LDAP form.
    func login(_ request: Request) async throws -> Response {
        let query = try SsoForm(query: request.uri.query ?? "")
        guard let email = query["email"] ?? query["domain"], !email.isEmpty, email.utf8.count <= 320 else {
            throw SsoError(.requestInvalid, "give the email address (?email=) or its domain (?domain=)")
        }
        let organization =
            if let id = configuration.organizationID { try engine.organization(id) } else {
                try await engine.organization(routing: email)
            }
        let login: SsoLoginResponse
        do {
            login = try await organization.getLoginURL(domain: email, redirectURI: configuration.oidcRedirectURI)
        } catch {
            guard error.code.rawValue.bytesEqual(SsoError.Code.loginCredentialsRequired.rawValue) else { throw error }
            return try await ldapForm(organization, email: email)
        }
        let saml = login.protocol == .saml
        guard let state = Self.queryValue(saml ? "RelayState" : "state", in: login.authorizeURL) else {
            throw SsoError(.requestInvalid, "the login URL carries no state to bind")
        }
        return Self.redirect(
            to: login.authorizeURL, cookies: [cookies.binding(Self.binding(saml ? "saml" : "oidc", state), saml: saml)])
    }

    /// The value a binding cookie is signed for: the protocol and the login's state.
    static func binding(_ kind: String, _ parts: String...) -> String {
        ([kind] + parts).joined(separator: "|")
    }

    /// The first value of `name` in `url`'s query, decoded.
    static func queryValue(_ name: String, in url: String) -> String? {
        URLComponents(string: url)?.queryItems?.first { $0.name.bytesEqual(name) }?.value
    }

    /// The LDAP username/password form, bound to this browser by a random token.
    private func ldapForm(_ organization: SsoOrganization, email: String) async throws(SsoError) -> Response {
        let connection = try await organization.route(email)
        let token = Base64URL.encode(engine.random.bytes(32))
        let cookie = cookies.binding(Self.binding("ldap", token, organization.id, connection.id), saml: false)
        let username = email.split(separator: "@").first.map(String.init) ?? ""
        let action = configuration.basePath + "/ldap"
        let form = """
            <p>Sign in to \(SsoPage.escape(connection.name)) with your directory account.</p>
            <form method="post" action="\(SsoPage.escape(action))">
            <input type="hidden" name="token" value="\(SsoPage.escape(token))">
            <input type="hidden" name="organization" value="\(SsoPage.escape(organization.id))">
            <input type="hidden" name="connection" value="\(SsoPage.escape(connection.id))">
            <label>Username <input name="username" autocomplete="username" value="\(SsoPage.escape(username))" required></label>
            <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit">Sign in</button>
            </form>
            """
        var response = SsoPage.response(SsoPage.render(title: "Sign in", body: form))
        response.setCookie(cookie)
        return response
    }
}
