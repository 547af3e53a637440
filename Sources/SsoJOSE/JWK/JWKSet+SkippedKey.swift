extension JWKSet {
    /// A key left out of the set, and why.
    public struct SkippedKey: Sendable, Hashable {
        /// Position in the document's `keys` array.
        public let index: Int
        /// Its `kid`, when it had a string one.
        public let keyID: String?
        /// Why it was skipped: `jose.jwk.unsupported` (a type or use not verified
        /// with here), `jose.jwk.weak` (never usable), `jose.jwk.invalid`
        /// (malformed) or `jose.jwk.x5c_mismatch` (its `x5c` disagrees with it).
        public let code: SsoError.Code
        /// A readable reason.
        public let reason: String
        /// What the member declared about itself (`nil` when it is not an object): whether it
        /// might have verified a token, had it been usable.
        let declared: DeclaredShape?

        init(index: Int, element: JSONValue, error: SsoError) {
            self.index = index
            keyID = element["kid"]?.stringValue
            code = error.code
            reason = error.message
            if case .object = element { declared = DeclaredShape(element) } else { declared = nil }
        }

        /// A key that could not be understood (malformed, or its `x5c` disagrees), as opposed to
        /// one understood and refused (weak, unsupported).
        var isUnreadable: Bool { code == .joseJWKInvalid || code == .joseJWKX5CMismatch }

        /// Whether, had it been usable, this key might have verified `algorithm`.
        func mightFit(_ algorithm: JWSAlgorithm) -> Bool { declared?.mightFit(algorithm) ?? false }
    }

    /// The `kty`, `crv` and `alg` a skipped member declared, as far as they are strings.
    ///
    /// An unreadable key might be the one its provider meant a token to verify with, so key
    /// selection counts it as a candidate wherever it might fit (see ``JWKSet/selectKey(for:)``):
    /// it can make a choice ambiguous, never make a key usable.
    struct DeclaredShape: Sendable, Hashable {
        let keyType: String?
        let curve: String?
        let algorithm: String?

        init(_ element: JSONValue) {
            keyType = element["kty"]?.stringValue
            curve = element["crv"]?.stringValue
            algorithm = element["alg"]?.stringValue
        }

        /// Whether a well-formed key of this shape could have verified `algorithm`. Unknown parts
        /// (missing or not strings) count as fitting.
        func mightFit(_ algorithm: JWSAlgorithm) -> Bool {
            if let declared = self.algorithm, !declared.bytesEqual(algorithm.rawValue) { return false }
            let needed: (keyType: String, curve: String?)
            switch algorithm {
            case .rs256, .rs384, .rs512, .ps256, .ps384, .ps512: needed = ("RSA", nil)
            case .es256: needed = ("EC", "P-256")
            case .es384: needed = ("EC", "P-384")
            case .es512: needed = ("EC", "P-521")
            case .edDSA: needed = ("OKP", "Ed25519")
            case .hs256, .hs384, .hs512: return false
            }
            if let keyType, !keyType.bytesEqual(needed.keyType) { return false }
            if let curve, let neededCurve = needed.curve, !curve.bytesEqual(neededCurve) { return false }
            return true
        }
    }
}
