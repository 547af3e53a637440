import Foundation
import SsoJOSE

/// Rules and limits of an ``OIDCClient``; the defaults are the safe ones.
public struct OIDCOptions: Sendable {
    /// Discovery: issuer policy (exact, or Entra ID multi-tenant), URL, cache TTL, size limit.
    public var discovery: DiscoveryOptions
    /// JWKS cache: lifetime (10 min), refetch rate limit (30 s), size limit (64 KiB).
    public var jwks: JWKSCacheOptions
    /// ID-token algorithms accepted. Default: every asymmetric algorithm SsoJOSE implements. HS256/384/512
    /// are accepted only when listed here, and are then verified with the client secret.
    public var idTokenAlgorithms: Set<JWSAlgorithm>
    /// Allowed clock skew for `exp`, `iat`, `nbf` and `auth_time` (default 60 s).
    public var clockLeeway: TimeInterval
    /// How long a started login may wait for its callback (default 10 minutes).
    public var loginTTL: TimeInterval
    /// Fetch the userinfo endpoint after the code exchange and merge its claims (default off).
    public var fetchUserinfo: Bool
    /// Require `at_hash` in the ID token (default off: checked only when present).
    public var requireAtHash: Bool
    /// The largest token or userinfo response read (default 64 KiB).
    public var maxResponseBytes: Int

    /// Options with the defaults given on each property.
    public init(
        discovery: DiscoveryOptions = DiscoveryOptions(),
        jwks: JWKSCacheOptions = JWKSCacheOptions(),
        idTokenAlgorithms: Set<JWSAlgorithm> = JWSAlgorithm.asymmetric,
        clockLeeway: TimeInterval = 60,
        loginTTL: TimeInterval = 600,
        fetchUserinfo: Bool = false,
        requireAtHash: Bool = false,
        maxResponseBytes: Int = 64 * 1024
    ) {
        self.discovery = discovery
        self.jwks = jwks
        self.idTokenAlgorithms = idTokenAlgorithms
        self.clockLeeway = clockLeeway
        self.loginTTL = loginTTL
        self.fetchUserinfo = fetchUserinfo
        self.requireAtHash = requireAtHash
        self.maxResponseBytes = maxResponseBytes
    }
}
