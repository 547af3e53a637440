import Foundation
import SsoOIDC

extension SsoOrganization {
    /// Completes an OIDC login (reference: `handle_oidc_callback`): the state is taken once (an
    /// unknown, replayed or expired state fails), the code is exchanged with the stored PKCE
    /// verifier, the ID token is validated with the stored nonce, and the identity is linked or
    /// JIT-provisioned and given a session.
    /// - Throws: `login.invalid_state`, `login.protocol_mismatch`, `oidc.*`, `http.*`,
    ///   `user.identity_rejected`, `user.not_provisioned`, `connection.*`, `store.failed`.
    public func handleOidcCallback(code: String, state: String) async throws(SsoError) -> SsoCallbackResponse {
        let pending = try await takePendingLogin(key: state)
        return try await completeOIDCCallback(code: code, state: state, pending: pending)
    }

    /// ``handleOidcCallback(code:state:)`` with the reference's parameter object.
    public func handleOidcCallback(_ params: SsoOidcCallbackParams) async throws(SsoError) -> SsoCallbackResponse {
        try await handleOidcCallback(code: params.code.unsafeValue, state: params.state)
    }

    /// The second half of an OIDC callback, for a pending login already taken from the store.
    func completeOIDCCallback(code: String, state: String, pending: SsoPendingLogin) async throws(SsoError)
        -> SsoCallbackResponse
    {
        guard pending.protocol == .oidc, let connectionID = pending.connectionID else {
            throw SsoError(.loginProtocolMismatch, "the state belongs to a login of another kind")
        }
        let connection = try await usableConnectionRecord(connectionID)
        guard case .oidc(let settings) = connection.settings else {
            throw SsoError(.loginProtocolMismatch, "the state belongs to a login of another kind")
        }
        let result = try await finishOIDC(
            code: code, state: state, pending: pending, issuer: settings.issuerURL, clientID: settings.clientID,
            clientSecret: settings.clientSecret, allowed: connection.redirectURIs)
        let identity = result.identity
        let outcome = try await completeLogin(identity: identity, connectionID: connection.id, issuer: result.issuer)
        return Self.response(outcome, identity: identity, connectionID: connection.id, scopes: nil)
    }

    /// An OIDC client for one provider and client, on the engine's clock, randomness, transport
    /// and logger, sharing the engine's discovery and key caches for `issuer`. It is stateless:
    /// pending logins live in the engine's login-state store only.
    func oidcClient(issuer: String, clientID: String, clientSecret: Secret, redirectURI: String, allowed: [String])
        async throws(SsoError) -> OIDCClient
    {
        let options = OIDCOptions(loginTTL: engine.settings.loginStateTTL)
        let configuration = OIDCConfiguration(
            issuer: issuer, clientID: clientID, clientSecret: clientSecret, redirectURI: redirectURI,
            additionalRedirectURIs: allowed.filter { !$0.bytesEqual(redirectURI) }, options: options, clock: engine.clock,
            random: engine.random, transport: engine.httpTransport, logger: engine.logger)
        let caches = await engine.caches.oidc.caches(
            issuer: issuer, options: options, transport: engine.httpTransport, clock: engine.clock)
        return try OIDCClient(configuration: configuration, metadataCache: caches.metadata, jwksCache: caches.jwks)
    }

    /// Builds an authorization URL and stores its pending login in the engine's login-state store.
    func startOIDCLogin(
        issuer: String, clientID: String, clientSecret: Secret, redirectURI: String, allowed: [String],
        connectionID: String?, loginHint: String?
    ) async throws(SsoError) -> String {
        guard allowed.containsBytes(of: redirectURI) else {
            throw SsoError(.loginRedirectURINotAllowed, "redirect_uri: not one of the allowed redirect URIs")
        }
        let client = try await oidcClient(
            issuer: issuer, clientID: clientID, clientSecret: clientSecret, redirectURI: redirectURI, allowed: allowed)
        let request = try await client.authorize(AuthorizationParameters(loginHint: loginHint, redirectURI: redirectURI))
        let pending = SsoPendingLogin(
            organizationID: id, connectionID: connectionID, protocol: .oidc, redirectURI: request.pending.redirectURI,
            nonce: request.pending.nonce, codeVerifier: request.pending.codeVerifier,
            issuer: issuer, clientID: clientID, createdAt: request.pending.createdAt)
        try await savePendingLogin(pending, key: request.state)
        return request.url
    }

    /// Exchanges the code and validates the ID token for a taken pending login.
    func finishOIDC(
        code: String, state: String, pending: SsoPendingLogin, issuer: String, clientID: String, clientSecret: Secret,
        allowed: [String]
    ) async throws(SsoError) -> OIDCLoginResult {
        let invalid = SsoError(.loginInvalidState, "the login state is unknown, already used or expired")
        guard let nonce = pending.nonce, let verifier = pending.codeVerifier, let redirectURI = pending.redirectURI,
            pending.issuer.bytesEqual(issuer), pending.clientID.bytesEqual(clientID)
        else { throw invalid }
        let client = try await oidcClient(
            issuer: issuer, clientID: clientID, clientSecret: clientSecret, redirectURI: redirectURI, allowed: allowed)
        let oidcPending = PendingOIDCLogin(
            state: state, nonce: nonce, codeVerifier: verifier, redirectURI: redirectURI, issuer: issuer,
            clientID: clientID, createdAt: pending.createdAt)
        return try await client.complete(code: code, iss: nil, pending: oidcPending)
    }

    /// The reference's callback response for a completed login.
    static func response(_ outcome: SsoLoginOutcome, identity: SsoIdentity, connectionID: String, scopes: [String]?)
        -> SsoCallbackResponse
    {
        SsoCallbackResponse(
            email: outcome.email.normalized, name: identity.name ?? outcome.user.name, sub: identity.subject,
            developerID: outcome.user.id, connectionID: connectionID, provisioned: outcome.provisioned,
            sessionID: outcome.session.id, groups: identity.groups.isEmpty ? nil : identity.groups, scopes: scopes)
    }
}
