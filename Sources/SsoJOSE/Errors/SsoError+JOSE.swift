extension SsoError.Code {
    // MARK: Compact serialisation and JSON

    /// The token is larger than ``JOSELimits/maxTokenBytes``.
    public static let joseTokenTooLarge: Self = "jose.token.too_large"
    /// The token is not three dot-separated parts with a non-empty header and signature (an empty
    /// payload is a valid JWS payload; a JWT's may not be empty, so the JWT layer refuses it here too).
    public static let joseTokenMalformed: Self = "jose.token.malformed"
    /// A part of the token is not strict unpadded base64url.
    public static let joseTokenBase64: Self = "jose.token.base64"
    /// A JSON document is not valid strict JSON (syntax, UTF-8, lone surrogate, trailing data).
    public static let joseJSONInvalid: Self = "jose.json.invalid"
    /// A JSON object has the same member name twice.
    public static let joseJSONDuplicateMember: Self = "jose.json.duplicate_member"
    /// A JSON document nests deeper than the limit.
    public static let joseJSONTooDeep: Self = "jose.json.too_deep"
    /// A JSON document is larger than the limit.
    public static let joseJSONTooLarge: Self = "jose.json.too_large"

    // MARK: Header and algorithm

    /// The protected header is not an object, or a registered member has the wrong type.
    public static let joseHeaderInvalid: Self = "jose.header.invalid"
    /// The header has a `crit` member this library does not understand (or a malformed one).
    public static let joseHeaderCrit: Self = "jose.header.crit"
    /// The header's `typ` names another kind of JWT (an access token `at+jwt`, a logout
    /// token…), which must never be accepted as an ID token (RFC 8725 §3.11).
    public static let joseHeaderTyp: Self = "jose.header.typ"
    /// A JWT's payload (its claims set) is JSON but not an object. Only the JWT layer
    /// (``JWS/claimsSet(limits:)``, ID-token validation) requires JSON: a JWS payload is any bytes.
    public static let josePayloadInvalid: Self = "jose.payload.invalid"
    /// The header says `alg: none` (in any spelling); never accepted.
    public static let joseAlgNone: Self = "jose.alg.none"
    /// The `alg` is missing or not one this library implements.
    public static let joseAlgUnsupported: Self = "jose.alg.unsupported"
    /// The `alg` is not in the verifier's allow-list.
    public static let joseAlgNotAllowed: Self = "jose.alg.not_allowed"

    // MARK: Keys

    /// No key in the set has the token's `kid` (or, without `kid`, none fits). SsoOIDC refetches
    /// the JWKS once (rate-limited) on this code.
    public static let joseKeyNotFound: Self = "jose.key.not_found"
    /// Several keys could verify the token: without a `kid`, several fit its algorithm; or a key
    /// that fits shares its `kid` (or, without `kid`, the candidacy) with a key that could not be
    /// read and might have fitted too.
    public static let joseKeyAmbiguous: Self = "jose.key.ambiguous"
    /// The key named by `kid` cannot verify the token's algorithm (kty, crv, `alg`, `use`, `key_ops`).
    public static let joseKeyMismatch: Self = "jose.key.mismatch"
    /// The only keys that could verify the token were left out of the JWKS (``JWKSet/skipped``):
    /// malformed, weak or unsupported. The message gives the skip reason. Distinct from
    /// ``joseKeyNotFound`` so the cause is visible; SsoOIDC refetches the JWKS once (rate-limited)
    /// on it too, so a provider that fixes its key is picked up.
    public static let joseKeyUnusable: Self = "jose.key.unusable"
    /// An HS* token was presented but no HMAC secret was configured.
    public static let joseKeyHMACSecretMissing: Self = "jose.key.hmac_secret_missing"
    /// The HMAC secret is shorter than the hash output (RFC 7518 §3.2).
    public static let joseKeyHMACSecretWeak: Self = "jose.key.hmac_secret_weak"

    // MARK: Signature

    /// The signature has the wrong form (length, DER instead of raw r||s, r or s zero).
    public static let joseSignatureMalformed: Self = "jose.signature.malformed"
    /// The signature does not verify.
    public static let joseSignatureInvalid: Self = "jose.signature.invalid"

    // MARK: JWK and JWKS

    /// A JWK is malformed (missing or badly encoded member, point not on the curve…). In a JWKS the
    /// key is skipped with this code (RFC 7517 §5), not fatal.
    public static let joseJWKInvalid: Self = "jose.jwk.invalid"
    /// A JWK is well formed but of a type or use this library does not verify with.
    public static let joseJWKUnsupported: Self = "jose.jwk.unsupported"
    /// A JWK is too weak (RSA modulus under 2048 bits, `e` = 1 or even, a small-order or
    /// non-canonical Ed25519 point). Never usable; skipped in a JWKS.
    public static let joseJWKWeak: Self = "jose.jwk.weak"
    /// A JWK's `x5c` leaf certificate does not hold the JWK's public key, or cannot be parsed. In a
    /// JWKS the key is skipped with this code.
    public static let joseJWKX5CMismatch: Self = "jose.jwk.x5c_mismatch"
    /// A JWKS document is unusable as a whole: not a JSON object with a `keys` array, too large,
    /// or more keys than ``JOSELimits/maxKeys``. A malformed member key is skipped instead.
    public static let joseJWKSInvalid: Self = "jose.jwks.invalid"
    /// Two usable keys of the same key type share a `kid`.
    public static let joseJWKSDuplicateKid: Self = "jose.jwks.duplicate_kid"

    // MARK: Claims

    /// The claims are not usable (not an object, or a claim has the wrong JSON type).
    public static let joseClaimsInvalid: Self = "jose.claims.invalid"
    /// `exp` is missing.
    public static let joseClaimsExpMissing: Self = "jose.claims.exp_missing"
    /// The token has expired (`exp` + leeway ≤ now) or `exp` is not a number.
    public static let joseClaimsExp: Self = "jose.claims.exp"
    /// `iat` is missing.
    public static let joseClaimsIatMissing: Self = "jose.claims.iat_missing"
    /// `iat` is in the future (beyond leeway) or not a number.
    public static let joseClaimsIat: Self = "jose.claims.iat"
    /// `nbf` is in the future (beyond leeway) or not a number.
    public static let joseClaimsNbf: Self = "jose.claims.nbf"
    /// `iss` does not match the expected issuer.
    public static let joseClaimsIss: Self = "jose.claims.iss"
    /// `aud` does not contain the client id.
    public static let joseClaimsAud: Self = "jose.claims.aud"
    /// `sub` is missing, empty, or longer than 255 bytes.
    public static let joseClaimsSub: Self = "jose.claims.sub"
}
