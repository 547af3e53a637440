import Foundation

extension SsoOrganization {
    /// Starts an enterprise login (reference: `get_login_url`): the domain, or a whole email
    /// address, is normalised and routed to this organization's connection for it.
    ///
    /// - OIDC: the provider's authorization URL; state, nonce and PKCE verifier are stored single
    ///   use for the engine's login-state TTL.
    /// - SAML: the IdP's HTTP-Redirect URL with an AuthnRequest; its ID is stored (for
    ///   `InResponseTo`) under the random `RelayState` the URL carries. The query is signed
    ///   (RSA-SHA256) when the connection has an SP signing key; when the IdP metadata wants
    ///   signed requests and there is no key, no URL is made.
    /// - LDAP: there is no URL; throws `login.credentials_required`.
    ///
    /// `redirectURI` must be one of the connection's `redirect_uris` (exact match); without it the
    /// first one is used. It is never taken from anywhere else.
    /// - Throws: `routing.*`, `connection.inactive`, `login.redirect_uri_not_allowed`,
    ///   `login.credentials_required`, `connection.signing_key_required`, protocol errors (`oidc.*`,
    ///   `saml.*`, `http.*`), `store.failed`.
    public func getLoginURL(domain: String, redirectURI: String? = nil) async throws(SsoError) -> SsoLoginResponse {
        let routed = try Self.usable(try await routeRecord(domain))
        let context = ConnectionContext(organization: self, record: routed)
        let chosenRedirect = try Self.redirectURI(
            redirectURI, allowed: routed.redirectURIs, required: routed.protocol == .oidc)
        switch routed.settings {
        case .oidc(let settings):
            let loginHint = domain.contains("@") ? (try? EmailAddress(domain))?.normalized : nil
            let flow = OIDCLoginFlow(
                organization: self, registration: OIDCClientRegistration(connection: routed, settings: settings))
            let url = try await flow.start(redirectURI: chosenRedirect ?? "", loginHint: loginHint)
            return SsoLoginResponse(authorizeURL: url, connectionID: routed.id, protocol: .oidc)
        case .saml:
            let flow = try SAMLLoginFlow(context, mismatch: "the connection is not a SAML connection")
            let url = try await flow.start()
            return SsoLoginResponse(authorizeURL: url, connectionID: routed.id, protocol: .saml)
        case .ldap:
            throw SsoError(
                .loginCredentialsRequired,
                "this domain uses an LDAP connection: post the user's credentials to the LDAP callback instead")
        }
    }

    /// ``getLoginURL(domain:redirectURI:)`` with the reference's parameter object.
    public func getLoginURL(_ params: SsoLoginParams) async throws(SsoError) -> SsoLoginResponse {
        try await getLoginURL(domain: params.domain, redirectURI: params.redirectURI)
    }

    /// The redirect URI a login uses: `requested` if it is on `allowed` (exact match), else the
    /// first allowed one; `nil` when none is needed and none is configured.
    static func redirectURI(_ requested: String?, allowed: [String], required: Bool) throws(SsoError) -> String? {
        if let requested {
            guard allowed.containsBytes(of: requested) else {
                throw SsoError(.loginRedirectURINotAllowed, "redirect_uri: not one of the connection's redirect_uris")
            }
            return requested
        }
        guard let first = allowed.first else {
            if required {
                throw SsoError(
                    .loginRedirectURINotAllowed, "redirect_uri: the connection has no redirect_uris configured")
            }
            return nil
        }
        return first
    }
}
