import Foundation
import SsoOIDC

/// The authorization-code flow with PKCE for one client registration: the authorization URL at
/// the start (state, nonce and PKCE verifier stored single use in the engine's login-state
/// store), and at the callback the code exchanged with the stored verifier and the ID token
/// validated by SsoOIDC with the stored nonce.
struct OIDCLoginFlow: Sendable {
    let organization: SsoOrganization
    let registration: OIDCClientRegistration

    /// The authorization URL for a login through `redirectURI` (one of the registration's).
    /// - Throws: `login.redirect_uri_not_allowed`, `oidc.*`, `http.*`, `store.*`.
    func start(redirectURI: String, loginHint: String?) async throws(SsoError) -> String {
        guard registration.redirectURIs.containsBytes(of: redirectURI) else {
            throw SsoError(.loginRedirectURINotAllowed, "redirect_uri: not one of the allowed redirect URIs")
        }
        let request = try await client(redirectURI: redirectURI).authorize(
            AuthorizationParameters(loginHint: loginHint, redirectURI: redirectURI))
        let pending = SsoPendingLogin(
            organizationID: organization.id, connectionID: registration.connectionID,
            protocolState: .oidc(request.pending), createdAt: request.pending.createdAt)
        try await organization.savePendingLogin(pending, key: request.state)
        return request.url
    }

    /// Exchanges `code` and validates the ID token for a login taken under `state`. `iss` is
    /// the callback's RFC 9207 parameter, if it had one.
    /// - Throws: `login.invalid_state` for a login started with another provider or client,
    ///   `oidc.*`, `http.*`.
    func verify(code: String, state: String, iss: String?, pending: SsoPendingLogin) async throws(SsoError)
        -> VerifiedLogin
    {
        guard let started = pending.oidc, started.state.bytesEqual(state),
            started.issuer.bytesEqual(registration.issuer), started.clientID.bytesEqual(registration.clientID)
        else { throw SsoEngine.invalidLoginState() }
        let result = try await client(redirectURI: started.redirectURI).complete(code: code, iss: iss, pending: started)
        return VerifiedLogin(identity: result.identity, issuer: result.issuer)
    }

    /// Discovery (bypassing the cache) and the JWKS, as a connection test checks them.
    func testConnection() async throws(SsoError) -> OIDCConnectionCheck {
        let redirectURI = registration.redirectURIs.first ?? "http://127.0.0.1/sso/test-connection"
        return try await client(redirectURI: redirectURI).testConnection()
    }

    /// An SsoOIDC client for the registration on the engine's clock, randomness, transport and
    /// logger, sharing the engine's discovery and key caches for the issuer. It holds no state:
    /// the pending login lives in the engine's login-state store only.
    private func client(redirectURI: String) async throws(SsoError) -> OIDCClient {
        let engine = organization.engine
        let options = OIDCOptions(loginTTL: engine.settings.loginStateTTL)
        let configuration = OIDCConfiguration(
            issuer: registration.issuer, clientID: registration.clientID, clientSecret: registration.clientSecret,
            redirectURI: redirectURI,
            additionalRedirectURIs: registration.redirectURIs.filter { !$0.bytesEqual(redirectURI) }, options: options,
            clock: engine.clock, random: engine.random, transport: engine.httpTransport, logger: engine.logger)
        let caches = await engine.caches.oidc.caches(
            issuer: registration.issuer, options: options, transport: engine.httpTransport, clock: engine.clock)
        return try OIDCClient(configuration: configuration, metadataCache: caches.metadata, jwksCache: caches.jwks)
    }
}
