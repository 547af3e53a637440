import Foundation
import SsoCore
import SsoJOSE
import SsoOIDC

/// An in-process OpenID Connect provider for tests, served through a ``FakeHTTPTransport``.
///
/// It answers discovery, JWKS, token and userinfo requests like a real provider: the token
/// endpoint checks client authentication (Basic or post, as registered), that the code exists,
/// is unexpired and used once, that `redirect_uri` repeats the authorization request's, and the
/// PKCE `S256` verifier. ID tokens are signed with the current ``FakeSigningKey``. Keys can be
/// rotated and ``FakeOIDCMisbehavior`` knobs make it break the protocol on purpose.
///
/// ```swift
/// let transport = FakeHTTPTransport()
/// let provider = FakeOIDCProvider(issuer: "https://idp.test", clock: clock, signingKey: .es256())
/// provider.install(on: transport)
/// provider.register(FakeOIDCClient(clientID: "app", clientSecret: Secret("s3cret"), redirectURIs: [redirect]))
/// // client: an OIDCClient configured with the same issuer, client, clock and `transport`.
/// let request = try await client.authorize()
/// let redirect = try provider.authorize(request.url, as: FakeOIDCUser(subject: "u1", email: "a@corp.test"))
/// let result = try await client.complete(code: redirect.code, iss: nil, pending: request.pending)
/// ```
public final class FakeOIDCProvider: Sendable {
    /// Where the user's browser is sent back to after ``authorize(_:as:)-(String,_)``.
    public struct Redirect: Sendable {
        /// The fresh authorization code: the token endpoint accepts it once, for 10 minutes by the
        /// provider's clock.
        public let code: String
        /// The `state` of the authorization request, echoed unchanged.
        public let state: String
        /// `redirect_uri?code=…&state=…&iss=…`.
        public let url: String
        /// The query part of ``url``.
        public let query: String
    }

    struct Grant: Sendable {
        var clientID: String
        var redirectURI: String
        var nonce: String?
        var codeChallenge: String?
        var scope: String
        var user: FakeOIDCUser
        var issuedAt: Date
    }

    struct State: Sendable {
        var clients: [String: FakeOIDCClient] = [:]
        var signingKey: FakeSigningKey
        var publishedKeys: [FakeSigningKey]
        var grants: [String: Grant] = [:]
        var usedCodes: Set<String> = []
        var accessTokens: [String: (user: FakeOIDCUser, scope: String)] = [:]
        var misbehavior = FakeOIDCMisbehavior()
        var idTokenProfileClaims = true
        var lastIDToken: String?
    }

    /// The issuer, as the discovery document and ID tokens state it.
    public let issuer: String
    let base: String
    let clock: any SsoClock
    let random: any RandomSource
    let state: LockedValue<State>

    /// Creates a provider signing with `signingKey`, whose public key is the only one in the JWKS.
    public init(
        issuer: String = "https://op.example.test", clock: any SsoClock, signingKey: FakeSigningKey,
        random: any RandomSource = SystemRandomSource()
    ) {
        self.issuer = issuer
        self.base = issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
        self.clock = clock
        self.random = random
        self.state = LockedValue(State(signingKey: signingKey, publishedKeys: [signingKey]))
    }

    // MARK: Endpoints

    /// `{issuer}/.well-known/openid-configuration` (the issuer's trailing slash dropped): serves
    /// ``discoveryDocument``.
    public var discoveryURL: String { base + "/.well-known/openid-configuration" }
    /// `{issuer}/authorize`: the URL ``authorize(_:as:)-(String,_)`` accepts requests for.
    public var authorizationEndpoint: String { base + "/authorize" }
    /// `{issuer}/token`: exchanges codes, checking client authentication, `redirect_uri` and PKCE.
    public var tokenEndpoint: String { base + "/token" }
    /// `{issuer}/userinfo`: answers for a bearer access token the token endpoint issued.
    public var userinfoEndpoint: String { base + "/userinfo" }
    /// `{issuer}/jwks`: serves ``jwksDocument``, the published public keys.
    public var jwksURI: String { base + "/jwks" }

    // MARK: Configuration

    /// Registers (or replaces) a client.
    public func register(_ client: FakeOIDCClient) {
        state.withLock { $0.clients[client.clientID] = client }
    }

    /// Signs new ID tokens with `key`. The JWKS then holds `key` (if asymmetric), plus the
    /// previous keys when `keepPreviousKeys` is true.
    public func rotateSigningKey(to key: FakeSigningKey, keepPreviousKeys: Bool = false) {
        state.withLock { state in
            // Rotating back to a key still published must not list its `kid` twice: a real
            // provider's JWKS never does, and the client refuses one that does.
            let previous = state.publishedKeys.filter { published in
                guard keepPreviousKeys else { return false }
                guard let old = published.keyID, let new = key.keyID else { return true }
                return !old.bytesEqual(new)
            }
            state.publishedKeys = [key] + previous
            state.signingKey = key
        }
    }

    /// Publishes exactly `keys` in the JWKS (the signing key is not added automatically).
    public func publish(_ keys: [FakeSigningKey]) {
        state.withLock { $0.publishedKeys = keys }
    }

    /// Changes how the provider misbehaves (all knobs off by default).
    public func misbehave(_ change: (inout FakeOIDCMisbehavior) -> Void) {
        state.withLock { change(&$0.misbehavior) }
    }

    /// Whether ID tokens carry the profile claims (`email`, `name`…); when false only userinfo has them.
    public func setProfileClaimsInIDToken(_ included: Bool) {
        state.withLock { $0.idTokenProfileClaims = included }
    }

    /// The last ID token the token endpoint issued.
    public var lastIDToken: String? { state.withLock { $0.lastIDToken } }

    /// The current JWKS document.
    public var jwksDocument: JSONValue {
        let keys = state.withLock { $0.publishedKeys }
        return .object(["keys": .array(keys.compactMap(\.publicJWK))])
    }

    /// The discovery document.
    public var discoveryDocument: JSONValue {
        let stated = state.withLock { $0.misbehavior.discoveryIssuer } ?? issuer
        func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
        return .object([
            "issuer": .string(stated),
            "authorization_endpoint": .string(authorizationEndpoint),
            "token_endpoint": .string(tokenEndpoint),
            "userinfo_endpoint": .string(userinfoEndpoint),
            "jwks_uri": .string(jwksURI),
            "response_types_supported": strings(["code"]),
            "subject_types_supported": strings(["public"]),
            "id_token_signing_alg_values_supported": strings(["RS256", "PS256", "ES256", "EdDSA", "HS256"]),
            "token_endpoint_auth_methods_supported": strings(["client_secret_basic", "client_secret_post"]),
            "code_challenge_methods_supported": strings(["S256"]),
            "grant_types_supported": strings(["authorization_code"]),
            "scopes_supported": strings(["openid", "email", "profile"]),
            "claims_supported": strings(["sub", "iss", "aud", "exp", "iat", "nonce", "email", "email_verified", "name"]
            ),
        ])
    }

    /// Routes the discovery, JWKS, token and userinfo URLs of `transport` to this provider.
    public func install(on transport: FakeHTTPTransport) {
        transport.route(discoveryURL) { [self] request, _ in
            guard request.method == .get else { return Self.json(status: 405, ["error": .string("invalid_request")]) }
            return Self.json(status: 200, discoveryDocument)
        }
        transport.route(jwksURI) { [self] request, _ in
            guard request.method == .get else { return Self.json(status: 405, ["error": .string("invalid_request")]) }
            return Self.json(status: 200, jwksDocument)
        }
        transport.route(tokenEndpoint) { [self] request, body in
            tokenResponse(request, body: body ?? [])
        }
        transport.route(userinfoEndpoint) { [self] request, _ in
            userinfoResponse(request)
        }
    }
}
