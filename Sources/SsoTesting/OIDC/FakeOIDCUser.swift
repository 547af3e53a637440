import SsoJOSE

/// A user who logs in at a ``FakeOIDCProvider``.
public struct FakeOIDCUser: Sendable {
    /// The `sub` claim.
    public var subject: String
    /// The `email` claim; `nil` sends none (and no `email_verified` either).
    public var email: String?
    /// The `email_verified` claim, sent with `email` only (default `true`).
    public var emailVerified: Bool
    /// The `name` claim; `nil` sends none.
    public var name: String?
    /// More claims for the ID token and userinfo (`groups`, `tid`, `hd`…).
    public var extraClaims: [String: JSONValue]

    /// A user with a verified email by default; `email`, `email_verified` and `name` replace
    /// members of the same name in `extraClaims`.
    public init(
        subject: String, email: String? = nil, emailVerified: Bool = true, name: String? = nil,
        extraClaims: [String: JSONValue] = [:]
    ) {
        self.subject = subject
        self.email = email
        self.emailVerified = emailVerified
        self.name = name
        self.extraClaims = extraClaims
    }

    /// The profile claims (`email`, `email_verified`, `name`, extras), without `sub`.
    var profileClaims: [String: JSONValue] {
        var claims = extraClaims
        if let email {
            claims["email"] = .string(email)
            claims["email_verified"] = .bool(emailVerified)
        }
        if let name { claims["name"] = .string(name) }
        return claims
    }
}

/// A client registered at a ``FakeOIDCProvider``.
public struct FakeOIDCClient: Sendable {
    /// The `client_id` the provider knows; the `aud` of the ID tokens it issues for this client.
    public var clientID: String
    /// The secret the token endpoint checks, presented the ``authMethod`` way.
    public var clientSecret: Secret
    /// Redirect URIs accepted (exact match).
    public var redirectURIs: [String]
    /// `client_secret_basic` or `client_secret_post`; the token endpoint accepts only this one.
    public var authMethod: String

    /// A client authenticating with `client_secret_basic` unless `authMethod` says otherwise.
    public init(
        clientID: String, clientSecret: Secret, redirectURIs: [String],
        authMethod: String = "client_secret_basic"
    ) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURIs = redirectURIs
        self.authMethod = authMethod
    }
}
