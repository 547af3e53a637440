/// What a ``JWSVerifier`` accepts.
public struct JWSVerificationOptions: Sendable {
    /// The algorithms a token may use. A token with any other `alg` is rejected with
    /// `jose.alg.not_allowed` before a key is looked up.
    public var allowedAlgorithms: Set<JWSAlgorithm>
    /// The symmetric key for HS256/384/512 (OIDC: the client secret's UTF-8 bytes). Without it,
    /// HS* tokens are rejected. A key from a JWKS is never used as an HMAC secret.
    public var hmacSecret: Secret?
    /// Accept an HMAC secret shorter than the hash output (RFC 7518 §3.2 forbids it). Off by default.
    public var unsafeAllowShortHMACSecret: Bool
    /// Size and depth limits for the token.
    public var limits: JOSELimits

    /// - Parameters:
    ///   - allowedAlgorithms: the allow-list; `nil` means every asymmetric algorithm, plus
    ///     HS256/384/512 when `hmacSecret` is given.
    ///   - hmacSecret: the HMAC secret, if HS* tokens are expected.
    ///   - unsafeAllowShortHMACSecret: accept a secret shorter than the hash output (32, 48 or 64
    ///     bytes), which RFC 7518 §3.2 forbids; otherwise such a token fails with
    ///     `jose.key.hmac_secret_weak`.
    ///   - limits: size and depth limits for the token.
    public init(
        allowedAlgorithms: Set<JWSAlgorithm>? = nil, hmacSecret: Secret? = nil,
        unsafeAllowShortHMACSecret: Bool = false, limits: JOSELimits = .default
    ) {
        self.allowedAlgorithms =
            allowedAlgorithms
            ?? (hmacSecret == nil ? JWSAlgorithm.asymmetric : JWSAlgorithm.asymmetric.union(JWSAlgorithm.hmac))
        self.hmacSecret = hmacSecret
        self.unsafeAllowShortHMACSecret = unsafeAllowShortHMACSecret
        self.limits = limits
    }
}
