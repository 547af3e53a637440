import Foundation

/// What the host remembers between sending the user to the provider and the callback.
///
/// The host stores it single-use under its ``state`` (a `SingleUseStore`) and takes it exactly
/// once for ``OIDCClient/complete(code:iss:pending:)-(Secret,_,_)``. It holds secrets (nonce, PKCE verifier):
/// its `description`, `debugDescription` and mirror (`dump`) redact them. Its `Codable` form is
/// for the host's store and does contain the verifier: keep it as confidential as a session.
public struct PendingOIDCLogin: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The `state` sent to the provider; the store key.
    public var state: String
    /// The `nonce` the ID token must carry.
    public var nonce: String
    /// The PKCE code verifier for the token request.
    public var codeVerifier: Secret
    /// The `redirect_uri` used, which the token request must repeat.
    public var redirectURI: String
    /// The configured issuer of the client that started the login.
    public var issuer: String
    /// The client id of the client that started the login.
    public var clientID: String
    /// The `max_age` requested, if any.
    public var maxAge: Int?
    /// The host's opaque context (``AuthorizationParameters/context``).
    public var context: String?
    /// When the login started, by the injected clock.
    public var createdAt: Date

    /// A pending login as ``OIDCClient/authorize(_:)`` builds it; hosts normally only store and decode one.
    public init(
        state: String, nonce: String, codeVerifier: Secret, redirectURI: String, issuer: String, clientID: String,
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

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "issuer": issuer, "clientID": clientID, "redirectURI": redirectURI, "maxAge": maxAge as Any,
                "context": context as Any, "createdAt": createdAt,
            ], displayStyle: .struct)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(state)
        hasher.combine(createdAt)
    }

    private enum CodingKeys: String, CodingKey {
        case state, nonce, codeVerifier, redirectURI, issuer, clientID, maxAge, context, createdAt
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        state = try container.decode(String.self, forKey: .state)
        nonce = try container.decode(String.self, forKey: .nonce)
        codeVerifier = Secret(try container.decode(String.self, forKey: .codeVerifier))
        redirectURI = try container.decode(String.self, forKey: .redirectURI)
        issuer = try container.decode(String.self, forKey: .issuer)
        clientID = try container.decode(String.self, forKey: .clientID)
        maxAge = try container.decodeIfPresent(Int.self, forKey: .maxAge)
        context = try container.decodeIfPresent(String.self, forKey: .context)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
    }

    /// Writes every field, the verifier included (``/SsoCore/Secret`` alone would write `<redacted>`):
    /// the host's store must be able to give it back.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(state, forKey: .state)
        try container.encode(nonce, forKey: .nonce)
        try container.encode(codeVerifier.unsafeValue, forKey: .codeVerifier)
        try container.encode(redirectURI, forKey: .redirectURI)
        try container.encode(issuer, forKey: .issuer)
        try container.encode(clientID, forKey: .clientID)
        try container.encodeIfPresent(maxAge, forKey: .maxAge)
        try container.encodeIfPresent(context, forKey: .context)
        try container.encode(createdAt, forKey: .createdAt)
    }
}
