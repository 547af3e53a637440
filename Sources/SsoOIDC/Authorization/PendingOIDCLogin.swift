import Foundation

/// What the relying party remembers between sending the user to the provider and the callback.
///
/// Stored single-use under its ``state`` in a `SingleUseStore`; the callback takes it exactly once.
/// It holds secrets (nonce, PKCE verifier), so its `description` redacts them.
public struct PendingOIDCLogin: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The `state` sent to the provider; the store key.
    public var state: String
    /// The `nonce` the ID token must carry.
    public var nonce: String
    /// The PKCE code verifier for the token request.
    public var codeVerifier: String
    /// The `redirect_uri` used, which the token request must repeat.
    public var redirectURI: String
    /// The configured issuer of the relying party that started the login.
    public var issuer: String
    /// The client id of the relying party that started the login.
    public var clientID: String
    /// The `max_age` requested, if any.
    public var maxAge: Int?
    /// The host's opaque context (``AuthorizationParameters/context``).
    public var context: String?
    /// When the login started, by the injected clock.
    public var createdAt: Date

    public init(
        state: String, nonce: String, codeVerifier: String, redirectURI: String, issuer: String, clientID: String,
        maxAge: Int? = nil, context: String? = nil, createdAt: Date
    ) {
        self.state = state
        self.nonce = nonce
        self.codeVerifier = codeVerifier
        self.redirectURI = redirectURI
        self.issuer = issuer
        self.clientID = clientID
        self.maxAge = maxAge
        self.context = context
        self.createdAt = createdAt
    }

    public var description: String {
        "PendingOIDCLogin(issuer: \(issuer), clientID: \(clientID), redirectURI: \(redirectURI), createdAt: \(createdAt), <secrets redacted>)"
    }
}
