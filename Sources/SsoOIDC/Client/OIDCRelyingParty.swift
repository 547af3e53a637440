import Foundation
import HTTPTypes
import Logging
import SsoJOSE

/// An OpenID Connect relying party for one provider and client: the authorization-code flow with
/// PKCE, from the login URL to a validated identity.
///
/// It is a value; copies share their caches (discovery and JWKS) and login store. Typical use:
/// ```swift
/// let rp = try OIDCRelyingParty(configuration: config)
/// let request = try await rp.startLogin()              // redirect the browser to request.url
/// let result = try await rp.handleCallback(code: code, state: state)
/// ```
public struct OIDCRelyingParty: Sendable {
    /// The configuration it was created with.
    public let configuration: OIDCConfiguration
    /// The provider's discovery document cache.
    public let metadataCache: ProviderMetadataCache
    /// The provider's signing keys.
    public let jwksCache: JWKSCache
    /// Where pending logins wait for their callback, single use.
    public let loginStore: any SingleUseStore<PendingOIDCLogin>

    /// Creates a relying party; throws `oidc.config.invalid` for an unusable configuration.
    ///
    /// - Parameters:
    ///   - loginStore: where pending logins wait; share one store between relying parties only if
    ///     the host routes callbacks itself (see ``completeLogin(code:pending:issuer:)``).
    ///   - metadataCache: a discovery cache to share with other relying parties of the same issuer
    ///     and discovery URL; by default a new one.
    ///   - jwksCache: a key cache to share with other relying parties of the same issuer (one fetch
    ///     and one refetch budget for all of them); by default a new one.
    public init(
        configuration: OIDCConfiguration,
        loginStore: any SingleUseStore<PendingOIDCLogin> = InMemorySingleUseStore<PendingOIDCLogin>(),
        metadataCache: ProviderMetadataCache? = nil,
        jwksCache: JWKSCache? = nil
    ) throws(SsoError) {
        try configuration.validate()
        if let metadataCache, !metadataCache.issuer.bytesEqual(configuration.issuer) {
            throw SsoError(.oidcConfigInvalid, "the shared discovery cache belongs to another issuer")
        }
        if let jwksCache, !jwksCache.issuer.bytesEqual(configuration.issuer) {
            throw SsoError(.oidcConfigInvalid, "the shared key cache belongs to another issuer")
        }
        self.configuration = configuration
        self.loginStore = loginStore
        self.metadataCache = metadataCache ?? ProviderMetadataCache(
            issuer: configuration.issuer, options: configuration.options.discovery, transport: configuration.transport,
            clock: configuration.clock)
        self.jwksCache = jwksCache ?? JWKSCache(
            issuer: configuration.issuer, options: configuration.options.jwks, transport: configuration.transport,
            clock: configuration.clock)
    }

    /// The provider's metadata (cached discovery).
    public func metadata() async throws(SsoError) -> ProviderMetadata {
        try await metadataCache.metadata()
    }

    /// Builds the authorization URL and stores the pending login (single use, ``OIDCOptions/loginTTL``).
    public func startLogin(_ parameters: AuthorizationParameters = AuthorizationParameters()) async throws(SsoError)
        -> AuthorizationRequest
    {
        let redirectURI = parameters.redirectURI ?? configuration.redirectURI
        guard configuration.acceptsRedirectURI(redirectURI) else {
            throw SsoError(.oidcAuthorizationInvalidParameter, "the redirect URI is not one of the configured ones")
        }
        let metadata = try await metadata()
        let now = configuration.clock.now
        let request = try AuthorizationRequest.make(
            authorizationEndpoint: metadata.authorizationEndpoint, issuer: configuration.issuer,
            clientID: configuration.clientID, redirectURI: redirectURI, scopes: configuration.scopes,
            parameters: parameters, random: configuration.random, now: now)
        do {
            try await loginStore.insert(
                request.pending, forKey: request.state, expiresAt: now.addingTimeInterval(configuration.options.loginTTL),
                now: now)
        } catch {
            throw SsoError.wrapping(error, as: .storeFull, "the pending login could not be stored")
        }
        configuration.logger.debug("oidc login started", metadata: ["issuer": "\(configuration.issuer)"])
        return request
    }

    /// Completes a login from the redirect's query string (`code=…&state=…`, or `error=…`).
    ///
    /// An `error` answer consumes the state and becomes `oidc.callback.error`. An `iss` parameter
    /// (RFC 9207), when present, must equal the provider's issuer.
    public func handleCallback(query: String) async throws(SsoError) -> OIDCLoginResult {
        guard query.utf8.count <= 16 * 1024, let pairs = FormURLEncoding.parse(query) else {
            throw SsoError(.oidcCallbackMalformed, "the callback query is malformed")
        }
        var values: [String: String] = [:]
        for (name, value) in pairs {
            guard values.updateValue(value, forKey: name) == nil else {
                throw SsoError(.oidcCallbackMalformed, "the callback repeats a parameter")
            }
        }
        if let error = values["error"] {
            if let state = values["state"] {
                _ = try? await loginStore.take(state, now: configuration.clock.now)
            }
            let oauth = OAuthErrorResponse(
                error: error, errorDescription: values["error_description"], errorURI: values["error_uri"], status: 302)
            throw SsoError(.oidcCallbackError, "the provider refused the login (\(oauth.error))", underlying: oauth)
        }
        return try await handleCallback(code: values["code"] ?? "", state: values["state"] ?? "", issuer: values["iss"])
    }

    /// Completes a login: takes the pending login for `state` (once), exchanges `code` with its
    /// PKCE verifier, validates the ID token with its nonce, and fetches userinfo if configured.
    public func handleCallback(code: String, state: String, issuer: String? = nil) async throws(SsoError)
        -> OIDCLoginResult
    {
        guard !state.isEmpty, state.utf8.count <= 512 else {
            throw SsoError(.oidcStateInvalid, "the callback has no usable state")
        }
        let taken: PendingOIDCLogin?
        do {
            taken = try await loginStore.take(state, now: configuration.clock.now)
        } catch {
            throw SsoError.wrapping(error, as: .oidcStateInvalid, "the login state could not be read")
        }
        guard let pending = taken, pending.state.bytesEqual(state) else {
            throw SsoError(.oidcStateInvalid, "the login state is unknown, expired or already used")
        }
        return try await completeLogin(code: code, pending: pending, issuer: issuer)
    }

    /// Completes a login whose pending state the host already took from its own store (for a host
    /// that shares one store between connections and routes by ``PendingOIDCLogin/context``).
    ///
    /// The pending login must belong to this relying party (issuer and client id) and be younger
    /// than ``OIDCOptions/loginTTL``; the caller must have removed it from its store (single use).
    public func completeLogin(code: String, pending: PendingOIDCLogin, issuer: String? = nil) async throws(SsoError)
        -> OIDCLoginResult
    {
        let now = configuration.clock.now
        guard pending.issuer.bytesEqual(configuration.issuer), pending.clientID.bytesEqual(configuration.clientID),
            configuration.acceptsRedirectURI(pending.redirectURI), now >= pending.createdAt.addingTimeInterval(-60),
            now.timeIntervalSince(pending.createdAt) <= configuration.options.loginTTL
        else {
            throw SsoError(.oidcStateInvalid, "the login state is unknown, expired or already used")
        }
        guard !code.isEmpty, code.utf8.count <= 4096 else {
            throw SsoError(.oidcCallbackCodeMissing, "the callback has no authorization code")
        }
        let metadata = try await metadata()
        if let issuer, !IssuerPolicy.isTenantTemplate(metadata.issuer), !issuer.bytesEqual(metadata.issuer) {
            throw SsoError(.oidcCallbackIssuerMismatch, "the callback's iss parameter is not the provider's issuer")
        }
        let tokens = try await exchange(code: code, pending: pending, metadata: metadata)
        let idToken = try await idTokenVerifier(metadata: metadata).validate(
            tokens.idToken, jwksCache: jwksCache, jwksURI: metadata.jwksURI,
            expectations: .init(nonce: pending.nonce, maxAge: pending.maxAge, accessToken: tokens.accessToken,
                                now: configuration.clock.now))
        var userinfo: [String: JSONValue]?
        if configuration.options.fetchUserinfo {
            guard let endpoint = metadata.userinfoEndpoint else {
                throw SsoError(.oidcUserinfoUnavailable, "the provider has no userinfo endpoint")
            }
            userinfo = try await UserInfo.fetch(
                endpoint: endpoint, accessToken: tokens.accessToken, expectedSubject: idToken.subject,
                transport: configuration.transport, maxBytes: configuration.options.maxResponseBytes)
        }
        configuration.logger.debug(
            "oidc login completed",
            metadata: ["issuer": "\(configuration.issuer)", "alg": "\(idToken.algorithm)", "kid": "\(idToken.keyID ?? "-")"])
        return OIDCLoginResult(idToken: idToken, userinfo: userinfo, tokens: tokens, context: pending.context)
    }

    /// Validates an ID token obtained elsewhere (no nonce check unless `nonce` is given).
    public func validateIDToken(_ token: String, nonce: String? = nil, maxAge: Int? = nil, accessToken: Secret? = nil)
        async throws(SsoError) -> ValidatedIDToken
    {
        let metadata = try await metadata()
        return try await idTokenVerifier(metadata: metadata).validate(
            token, jwksCache: jwksCache, jwksURI: metadata.jwksURI,
            expectations: .init(nonce: nonce, maxAge: maxAge, accessToken: accessToken, now: configuration.clock.now))
    }

    /// Checks the connection as an administrator's "test connection" button would: fetches
    /// discovery (bypassing the cache) and the JWKS, which must hold at least one usable key.
    public func testConnection() async throws(SsoError) -> OIDCConnectionCheck {
        let metadata = try await metadataCache.refresh()
        let keys = try await JWKSCache.download(
            jwksURI: metadata.jwksURI, options: configuration.options.jwks, transport: configuration.transport)
        guard !keys.keys.isEmpty else {
            throw SsoError(.oidcJWKSNoUsableKeys, "the provider's JWKS has no usable signing key")
        }
        return OIDCConnectionCheck(metadata: metadata, usableKeyCount: keys.keys.count, skippedKeyCount: keys.skipped.count)
    }

    private func idTokenVerifier(metadata: ProviderMetadata) -> IDTokenVerifier {
        IDTokenVerifier(
            issuer: metadata.issuer, clientID: configuration.clientID, clientSecret: configuration.clientSecret,
            algorithms: configuration.options.idTokenAlgorithms, issuerPolicy: configuration.options.discovery.issuerPolicy,
            leeway: configuration.options.clockLeeway, requireAtHash: configuration.options.requireAtHash)
    }

    private func exchange(code: String, pending: PendingOIDCLogin, metadata: ProviderMetadata) async throws(SsoError)
        -> TokenResponse
    {
        let request = try TokenRequest.make(
            tokenEndpoint: metadata.tokenEndpoint, code: code, redirectURI: pending.redirectURI,
            codeVerifier: pending.codeVerifier, clientID: configuration.clientID, clientSecret: configuration.clientSecret,
            method: configuration.tokenEndpointAuthMethod)
        let response = try await configuration.transport.fetch(
            request.request, body: request.body, maxResponseBytes: configuration.options.maxResponseBytes)
        return try TokenResponse.parse(
            status: Int(response.response.status.code), body: response.body,
            maxBytes: configuration.options.maxResponseBytes)
    }
}
