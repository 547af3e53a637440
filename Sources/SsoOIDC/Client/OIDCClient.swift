import Foundation
import HTTPTypes
import Logging
import SsoJOSE

/// A stateless OpenID Connect client for one provider and client: the authorization-code flow with
/// PKCE, from the login URL to a validated identity. It keeps no login state: the host stores the
/// ``PendingOIDCLogin`` of ``authorize(_:)`` single use under its state and hands it back to
/// ``complete(code:iss:pending:)-(Secret,_,_)``.
///
/// It is a value; copies share their caches (discovery and JWKS). Typical use:
/// ```swift
/// let client = try OIDCClient(configuration: config)
/// let request = try await client.authorize()     // store request.pending under request.state, redirect to request.url
/// switch try OIDCCallback.parse(query: query) {
/// case .code(let code, let state, let iss):
///     guard let pending = try await store.take(state, now: now) else { /* unknown or replayed */ }
///     let result = try await client.complete(code: code, iss: iss, pending: pending)
/// case .error(let response, let state): …     // take state from the store too
/// }
/// ```
public struct OIDCClient: Sendable {
    /// The configuration it was created with.
    public let configuration: OIDCConfiguration
    /// The provider's discovery document cache.
    public let metadataCache: ProviderMetadataCache
    /// The provider's signing keys.
    public let jwksCache: JWKSCache

    /// Creates a client; throws `oidc.config.invalid` for an unusable configuration or a shared
    /// cache of another issuer.
    ///
    /// - Parameters:
    ///   - configuration: the provider, client, options and injected clock, randomness and transport.
    ///   - metadataCache: a discovery cache to share with other clients of the same issuer and
    ///     discovery URL; by default a new one.
    ///   - jwksCache: a key cache to share with other clients of the same issuer (one fetch and one
    ///     refetch budget for all of them); by default a new one.
    public init(
        configuration: OIDCConfiguration, metadataCache: ProviderMetadataCache? = nil, jwksCache: JWKSCache? = nil
    ) throws(SsoError) {
        try configuration.validate()
        if let metadataCache, !metadataCache.issuer.bytesEqual(configuration.issuer) {
            throw SsoError(.oidcConfigInvalid, "the shared discovery cache belongs to another issuer")
        }
        if let jwksCache, !jwksCache.issuer.bytesEqual(configuration.issuer) {
            throw SsoError(.oidcConfigInvalid, "the shared key cache belongs to another issuer")
        }
        self.configuration = configuration
        self.metadataCache =
            metadataCache
            ?? ProviderMetadataCache(
                issuer: configuration.issuer, options: configuration.options.discovery,
                transport: configuration.transport,
                clock: configuration.clock)
        self.jwksCache =
            jwksCache
            ?? JWKSCache(
                issuer: configuration.issuer, options: configuration.options.jwks, transport: configuration.transport,
                clock: configuration.clock)
    }

    /// The provider's metadata (cached discovery).
    public func metadata() async throws(SsoError) -> ProviderMetadata {
        try await metadataCache.metadata()
    }

    /// Builds the authorization URL. The host must store ``AuthorizationRequest/pending`` single
    /// use under ``AuthorizationRequest/state`` for at most ``OIDCOptions/loginTTL``.
    public func authorize(_ parameters: AuthorizationParameters = AuthorizationParameters()) async throws(SsoError)
        -> AuthorizationRequest
    {
        let redirectURI = parameters.redirectURI ?? configuration.redirectURI
        guard configuration.acceptsRedirectURI(redirectURI) else {
            throw SsoError(.oidcAuthorizationInvalidParameter, "the redirect URI is not one of the configured ones")
        }
        let metadata = try await metadata()
        let request = try AuthorizationRequest.make(
            authorizationEndpoint: metadata.authorizationEndpoint, issuer: configuration.issuer,
            clientID: configuration.clientID, redirectURI: redirectURI, scopes: configuration.scopes,
            parameters: parameters, random: configuration.random, now: configuration.clock.now)
        configuration.logger.debug("oidc login started", metadata: ["issuer": "\(configuration.issuer)"])
        return request
    }

    /// Completes a login whose pending state the host took from its store (once): checks the
    /// pending login belongs to this client (issuer, client id, redirect URI) and is younger than
    /// ``OIDCOptions/loginTTL``, checks the callback's RFC 9207 `iss` (must equal the provider's
    /// issuer when present, and be present when discovery says
    /// `authorization_response_iss_parameter_supported`), exchanges `code` with the PKCE verifier,
    /// validates the ID token with the nonce, and fetches userinfo if configured.
    public func complete(code: Secret, iss: String?, pending: PendingOIDCLogin) async throws(SsoError)
        -> OIDCLoginResult
    {
        let now = configuration.clock.now
        guard pending.issuer.bytesEqual(configuration.issuer), pending.clientID.bytesEqual(configuration.clientID),
            configuration.acceptsRedirectURI(pending.redirectURI), now >= pending.createdAt.addingTimeInterval(-60),
            now.timeIntervalSince(pending.createdAt) <= configuration.options.loginTTL
        else {
            throw SsoError(.oidcStateInvalid, "the login state is unknown, expired or already used")
        }
        guard !code.isEmpty, code.unsafeValue.utf8.count <= 4096 else {
            throw SsoError(.oidcCallbackCodeMissing, "the callback has no authorization code")
        }
        let metadata = try await metadata()
        try Self.checkResponseIssuer(iss, metadata: metadata)
        let tokens = try await exchange(code: code, pending: pending, metadata: metadata)
        let idToken = try await idTokenVerifier(metadata: metadata).validate(
            tokens.idToken, jwksCache: jwksCache, jwksURI: metadata.jwksURI,
            expectations: IDTokenExpectations(
                nonce: pending.nonce, maxAge: pending.maxAge, accessToken: tokens.accessToken,
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
            metadata: [
                "issuer": "\(configuration.issuer)", "alg": "\(idToken.algorithm)", "kid": "\(idToken.keyID ?? "-")",
            ])
        return OIDCLoginResult(idToken: idToken, userinfo: userinfo, tokens: tokens, context: pending.context)
    }

    /// ``complete(code:iss:pending:)-(Secret,_,_)`` with the code as the callback carried it.
    public func complete(code: String, iss: String?, pending: PendingOIDCLogin) async throws(SsoError)
        -> OIDCLoginResult
    {
        try await complete(code: Secret(code), iss: iss, pending: pending)
    }

    /// Validates an ID token obtained elsewhere (no nonce check unless `nonce` is given).
    public func validateIDToken(_ token: String, nonce: String? = nil, maxAge: Int? = nil, accessToken: Secret? = nil)
        async throws(SsoError) -> ValidatedIDToken
    {
        let metadata = try await metadata()
        return try await idTokenVerifier(metadata: metadata).validate(
            token, jwksCache: jwksCache, jwksURI: metadata.jwksURI,
            expectations: IDTokenExpectations(
                nonce: nonce, maxAge: maxAge, accessToken: accessToken, now: configuration.clock.now))
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
        return OIDCConnectionCheck(
            metadata: metadata, usableKeyCount: keys.keys.count, skippedKeyCount: keys.skipped.count)
    }
}
