import Foundation
import SsoOIDC
import SsoSAML

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
        let routed = try await route(domain)
        let connection = try await usableConnectionRecord(routed.id)
        let chosenRedirect = try Self.redirectURI(redirectURI, allowed: connection.redirectURIs, required: connection.protocol == .oidc)
        let loginHint = domain.contains("@") ? (try? EmailAddress(domain))?.normalized : nil
        switch connection.settings {
        case .oidc(let settings):
            let url = try await startOIDCLogin(
                issuer: settings.issuerURL, clientID: settings.clientID, clientSecret: settings.clientSecret,
                redirectURI: chosenRedirect ?? "", allowed: connection.redirectURIs, connectionID: connection.id,
                loginHint: loginHint)
            return SsoLoginResponse(authorizeURL: url, connectionID: connection.id, protocol: .oidc)
        case .saml(let settings):
            let url = try await startSAMLLogin(connection: connection, settings: settings, redirectURI: chosenRedirect)
            return SsoLoginResponse(authorizeURL: url, connectionID: connection.id, protocol: .saml)
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
            guard allowed.contains(requested) else {
                throw SsoError(.loginRedirectURINotAllowed, "redirect_uri: not one of the connection's redirect_uris")
            }
            return requested
        }
        guard let first = allowed.first else {
            if required {
                throw SsoError(.loginRedirectURINotAllowed, "redirect_uri: the connection has no redirect_uris configured")
            }
            return nil
        }
        return first
    }

    /// A fresh random key for a pending login (256 bits, base64url, 43 characters).
    func newLoginKey() -> String {
        Base64URL.encode(engine.random.bytes(32))
    }

    private func startSAMLLogin(connection: SsoConnectionRecord, settings: SAMLConnectionSettings, redirectURI: String?)
        async throws(SsoError) -> String
    {
        let metadata = try await samlMetadata(connection: connection, settings: settings)
        let signingKey = try Self.requestSigningKey(settings)
        // Fail closed: an IdP that wants signed requests gets no unsigned one.
        guard signingKey != nil || !metadata.wantAuthnRequestsSigned else {
            throw SsoError(
                .connectionSigningKeyRequired,
                "the IdP wants signed AuthnRequests (WantAuthnRequestsSigned); the connection has no sp_signing_key_pem")
        }
        let serviceProvider = try Self.serviceProvider(settings)
        let relayState = newLoginKey()
        let login = try serviceProvider.redirectLogin(
            to: metadata, relayState: relayState, clock: engine.clock, random: engine.random, signingKey: signingKey)
        let pending = SsoPendingLogin(
            organizationID: id, connectionID: connection.id, protocol: .saml, redirectURI: redirectURI,
            samlRequestID: login.request.id, createdAt: now)
        try await savePendingLogin(pending, key: relayState)
        return login.url
    }
}
