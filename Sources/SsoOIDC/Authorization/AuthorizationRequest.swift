import Foundation

/// An authorization-code request with PKCE `S256` (OpenID Connect Core §3.1.2.1, RFC 7636):
/// the URL to send the user to and the ``PendingOIDCLogin`` to store until the callback.
///
/// Built purely from its inputs: `state`, `nonce` and the code verifier are 256 random bits each
/// from the injected ``/SsoCore/RandomSource``; time comes from the caller.
public struct AuthorizationRequest: Sendable, Hashable {
    /// The provider URL to redirect the user's browser to.
    public let url: String
    /// What to store (single use, with a TTL) under ``PendingOIDCLogin/state``.
    public let pending: PendingOIDCLogin

    /// The `state` value, the key the callback presents.
    public var state: String { pending.state }

    /// The default scopes: `openid email profile`.
    public static let defaultScopes = ["openid", "email", "profile"]

    /// Builds a request.
    ///
    /// - Parameters:
    ///   - authorizationEndpoint: the provider's `authorization_endpoint` (its own query is kept).
    ///   - issuer: the configured issuer, recorded in the pending login.
    ///   - scopes: requested scopes; `openid` is added first when missing. Duplicates are dropped.
    package static func make(
        authorizationEndpoint: String,
        issuer: String,
        clientID: String,
        redirectURI: String,
        scopes: [String] = defaultScopes,
        parameters: AuthorizationParameters = AuthorizationParameters(),
        random: any RandomSource,
        now: Date
    ) throws(SsoError) -> AuthorizationRequest {
        try parameters.validate()
        let endpoint = try EndpointURL(
            authorizationEndpoint, field: "authorization_endpoint",
            invalid: .oidcDiscoveryInvalidURL, insecure: .oidcDiscoveryInsecureURL)
        try OIDCConfiguration.checkClientID(clientID)
        try OIDCConfiguration.checkRedirectURI(redirectURI)
        let scope = try scopeString(scopes + parameters.additionalScopes)

        let state = try RandomToken.make(from: random, purpose: "state")
        let nonce = try RandomToken.make(from: random, purpose: "nonce")
        let pkce = try PKCE(random: random)

        var query: [(String, String)] = [
            ("response_type", "code"),
            ("client_id", clientID),
            ("redirect_uri", redirectURI),
            ("scope", scope),
            ("state", state),
            ("nonce", nonce),
            ("code_challenge", pkce.codeChallenge),
            ("code_challenge_method", pkce.codeChallengeMethod),
        ]
        if let prompt = parameters.prompt { query.append(("prompt", prompt)) }
        if let loginHint = parameters.loginHint { query.append(("login_hint", loginHint)) }
        if let domainHint = parameters.domainHint { query.append(("domain_hint", domainHint)) }
        if let maxAge = parameters.maxAge { query.append(("max_age", String(maxAge))) }

        let pending = PendingOIDCLogin(
            state: state, nonce: nonce, codeVerifier: Secret(pkce.codeVerifier), redirectURI: redirectURI,
            issuer: issuer,
            clientID: clientID, maxAge: parameters.maxAge, context: parameters.context, createdAt: now)
        return AuthorizationRequest(url: endpoint.appendingQuery(FormURLEncoding.query(query)), pending: pending)
    }

    /// `openid` first, then the other scopes in order, without duplicates. Each scope must be
    /// RFC 6749 §3.3 `scope-token` characters.
    static func scopeString(_ scopes: [String]) throws(SsoError) -> String {
        var ordered = ["openid"]
        for scope in scopes where !ordered.contains(scope) {
            guard !scope.isEmpty, scope.utf8.count <= 256,
                scope.utf8.allSatisfy({ $0 == 0x21 || (0x23...0x5B).contains($0) || (0x5D...0x7E).contains($0) })
            else {
                throw SsoError(.oidcConfigInvalid, "a scope contains characters a scope may not contain")
            }
            ordered.append(scope)
        }
        return ordered.joined(separator: " ")
    }
}
