import Foundation
import SsoJOSE

/// How a ``JWKSCache`` fetches and keeps a provider's keys.
public struct JWKSCacheOptions: Sendable, Hashable {
    /// How long a fetched key set is used before it is fetched again (default 10 minutes).
    public var lifetime: TimeInterval
    /// The least time between two refetches caused by an unknown `kid` (default 30 s), so that
    /// tokens with forged `kid`s cannot make the library hammer the provider.
    public var minimumRefetchInterval: TimeInterval
    /// After a failed fetch, how long callers get the same error without a new request (default 5 s),
    /// so an unreachable or failing endpoint is not hammered by every token presented meanwhile.
    public var failureBackoff: TimeInterval
    /// The largest JWKS document accepted (default 64 KiB).
    public var maxDocumentBytes: Int
    /// Limits handed to SsoJOSE's JWKS parser (depth, number of keys).
    public var limits: JOSELimits

    /// Options with the defaults given on each property; `limits` defaults to `JOSELimits.default`.
    public init(
        lifetime: TimeInterval = 600,
        minimumRefetchInterval: TimeInterval = 30,
        failureBackoff: TimeInterval = 5,
        maxDocumentBytes: Int = 64 * 1024,
        limits: JOSELimits = .default
    ) {
        self.lifetime = lifetime
        self.minimumRefetchInterval = minimumRefetchInterval
        self.failureBackoff = failureBackoff
        self.maxDocumentBytes = maxDocumentBytes
        self.limits = limits
    }
}
