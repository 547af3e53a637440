import Foundation

/// The rules an ID token's claims must satisfy (OpenID Connect Core §3.1.3.7, §3.1.3.6, §3.3.2.11).
///
/// Required checks (`exp`, `iat`, `iss`, `aud`, `azp`, `sub`, and `nonce`, `at_hash`, `c_hash`,
/// `auth_time` whenever their inputs are given) cannot be switched off.
public struct IDTokenValidationOptions: Sendable {
    /// The expected issuer.
    public var issuer: IssuerMatcher
    /// The client id that must be in `aud` (and equal `azp` when present).
    public var clientID: String
    /// The time to check against; take it from the injected ``SsoClock``.
    public var now: Date
    /// Clock skew tolerated for `exp`, `nbf`, `iat` and `auth_time`, in seconds (default 60).
    public var leeway: TimeInterval
    /// The nonce sent in the authorization request; when set, `nonce` must be present and equal.
    public var nonce: String?
    /// The `max_age` sent, in seconds; when set, `auth_time` is required and must be recent enough.
    public var maxAge: TimeInterval?
    /// The access token from the same response; when set and `at_hash` is present, it must match.
    public var accessToken: String?
    /// The authorization code (hybrid flows); when set and `c_hash` is present, it must match.
    public var authorizationCode: String?
    /// Require `at_hash` to be present (then ``accessToken`` must be set).
    public var requireAtHash: Bool
    /// Require `c_hash` to be present (then ``authorizationCode`` must be set).
    public var requireCHash: Bool

    public init(issuer: IssuerMatcher, clientID: String, now: Date, leeway: TimeInterval = 60,
                nonce: String? = nil, maxAge: TimeInterval? = nil, accessToken: String? = nil,
                authorizationCode: String? = nil, requireAtHash: Bool = false, requireCHash: Bool = false) {
        self.issuer = issuer
        self.clientID = clientID
        self.now = now
        self.leeway = leeway
        self.nonce = nonce
        self.maxAge = maxAge
        self.accessToken = accessToken
        self.authorizationCode = authorizationCode
        self.requireAtHash = requireAtHash
        self.requireCHash = requireCHash
    }

    /// Convenience for an exact issuer string.
    public init(issuer: String, clientID: String, now: Date, leeway: TimeInterval = 60, nonce: String? = nil,
                maxAge: TimeInterval? = nil, accessToken: String? = nil) {
        self.init(issuer: .exact(issuer), clientID: clientID, now: now, leeway: leeway, nonce: nonce,
                  maxAge: maxAge, accessToken: accessToken)
    }
}
