/// Size and depth limits for untrusted JOSE input; each is checked before the work it bounds.
public struct JOSELimits: Sendable, Hashable {
    /// Largest compact token in bytes (default 16 KiB), checked before anything else.
    public var maxTokenBytes: Int
    /// Deepest JSON nesting in a header or payload (default 16).
    public var maxJSONDepth: Int
    /// Largest JWKS / JWK document in bytes (default 64 KiB).
    public var maxJWKSBytes: Int
    /// Most keys in one JWKS (default 64).
    public var maxKeys: Int

    /// Limits with the defaults given on each property.
    public init(
        maxTokenBytes: Int = 16 * 1024, maxJSONDepth: Int = 16, maxJWKSBytes: Int = 64 * 1024,
        maxKeys: Int = 64
    ) {
        self.maxTokenBytes = maxTokenBytes
        self.maxJSONDepth = maxJSONDepth
        self.maxJWKSBytes = maxJWKSBytes
        self.maxKeys = maxKeys
    }

    /// The defaults above.
    public static let `default` = JOSELimits()
}
