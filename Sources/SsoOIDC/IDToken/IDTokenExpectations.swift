import Foundation

/// What one ID token is checked against besides the provider and client (``IDTokenPolicy``):
/// the values of the login it answers.
public struct IDTokenExpectations: Sendable {
    /// The nonce sent in the authorization request; when set, `nonce` must be present and equal.
    public var nonce: String?
    /// The `max_age` sent, in seconds; when set, `auth_time` is required and must be recent enough.
    public var maxAge: Int?
    /// The access token from the same token response; when set and `at_hash` is present, it must match.
    public var accessToken: Secret?
    /// The authorization code (hybrid flows); when set and `c_hash` is present, it must match.
    public var authorizationCode: Secret?
    /// The time to check against; take it from the injected ``/SsoCore/SsoClock``.
    public var now: Date

    /// Expectations for one login; a `nil` value skips the check it enables (see each property).
    public init(
        nonce: String? = nil, maxAge: Int? = nil, accessToken: Secret? = nil, authorizationCode: Secret? = nil,
        now: Date
    ) {
        self.nonce = nonce
        self.maxAge = maxAge
        self.accessToken = accessToken
        self.authorizationCode = authorizationCode
        self.now = now
    }
}
