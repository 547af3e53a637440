import Crypto
import _CryptoExtras

/// A public JSON Web Key (RFC 7517) that can verify JWS signatures: RSA (2048–8192 bits),
/// EC P-256/384/521, or OKP Ed25519.
///
/// `use`, `key_ops` and `alg` are honoured: a key with `use` other than `sig`, `key_ops` without
/// `verify`, or an `alg` that differs from the token's never verifies it. Symmetric (`oct`) keys
/// are not accepted from documents; HMAC secrets are given to ``JWSVerificationOptions``.
public struct JWK: Sendable {
    /// `kid`, when present.
    public let keyID: String?
    /// `alg`, when present.
    public let algorithm: JWSAlgorithm?
    /// `use`, when present (always `sig` for a usable key).
    public let use: String?
    /// `key_ops`, when present (always containing `verify` for a usable key).
    public let keyOperations: [String]?
    let key: JWKPublicKey

    /// `kty`: `RSA`, `EC` or `OKP`.
    public var keyType: String { key.keyType }
    /// `crv` for EC and OKP keys.
    public var curve: String? { key.curve }

    init(
        key: JWKPublicKey, keyID: String?, algorithm: JWSAlgorithm?, use: String? = nil,
        keyOperations: [String]? = nil
    ) {
        self.key = key
        self.keyID = keyID
        self.algorithm = algorithm
        self.use = use
        self.keyOperations = keyOperations
    }

    /// Parses one JWK document (an object, not a set).
    public static func parse(_ bytes: some Collection<UInt8>, limits: JOSELimits = .default) throws(SsoError) -> JWK {
        let json = try JSONParser.parse(
            bytes,
            limits: JSONLimits(
                maxBytes: limits.maxJWKSBytes,
                maxDepth: limits.maxJSONDepth))
        return try JWK(json: json)
    }

    /// Whether this key may verify a token signed with `algorithm` (kty, crv, `alg`).
    public func fits(_ algorithm: JWSAlgorithm) -> Bool {
        guard key.supports(algorithm) else { return false }
        if let own = self.algorithm, own != algorithm { return false }
        return true
    }

    /// Verifies `signature` over `message` with this key, after checking the key fits `algorithm`.
    /// Throws ``SsoError/Code/joseKeyMismatch``, ``SsoError/Code/joseSignatureMalformed`` or
    /// ``SsoError/Code/joseSignatureInvalid``.
    package func verifySignature(_ signature: [UInt8], message: [UInt8], algorithm: JWSAlgorithm) throws(SsoError) {
        guard fits(algorithm) else {
            throw SsoError(.joseKeyMismatch, "the \(keyType) key cannot verify \(algorithm) signatures")
        }
        try SignatureCheck.verify(signature, message: message, key: key, algorithm: algorithm)
    }
}

extension JWK {
    /// Wraps an RSA public key given as DER (`SubjectPublicKeyInfo` or PKCS #1), at least 2048 bits;
    /// throws `jose.jwk.invalid` for bytes that are not one.
    public init(rsaPublicKeyDER der: [UInt8], keyID: String? = nil, algorithm: JWSAlgorithm? = nil) throws(SsoError) {
        let key: _RSA.Signing.PublicKey
        do {
            key = try _RSA.Signing.PublicKey(derRepresentation: der)
        } catch {
            throw SsoError(.joseJWKInvalid, "the RSA public key is not valid DER", underlying: error)
        }
        try self.init(rsa: key, keyID: keyID, algorithm: algorithm)
    }

    /// Wraps an RSA public key (at least 2048 bits). `package`: `_CryptoExtras`' underscored type
    /// stays out of the public API (use ``init(rsaPublicKeyDER:keyID:algorithm:)``).
    package init(rsa: _RSA.Signing.PublicKey, keyID: String? = nil, algorithm: JWSAlgorithm? = nil) throws(SsoError) {
        guard let primitives = try? rsa.getKeyPrimitives() else {
            throw SsoError(.joseJWKInvalid, "the RSA key cannot be exported")
        }
        self.init(
            key: try JWKPublicKey.rsa(n: Array(primitives.modulus), e: Array(primitives.publicExponent)),
            keyID: keyID, algorithm: algorithm)
    }

    /// Wraps a P-256 public key.
    public init(p256: P256.Signing.PublicKey, keyID: String? = nil, algorithm: JWSAlgorithm? = nil) {
        self.init(key: .p256(p256), keyID: keyID, algorithm: algorithm)
    }

    /// Wraps a P-384 public key.
    public init(p384: P384.Signing.PublicKey, keyID: String? = nil, algorithm: JWSAlgorithm? = nil) {
        self.init(key: .p384(p384), keyID: keyID, algorithm: algorithm)
    }

    /// Wraps a P-521 public key.
    public init(p521: P521.Signing.PublicKey, keyID: String? = nil, algorithm: JWSAlgorithm? = nil) {
        self.init(key: .p521(p521), keyID: keyID, algorithm: algorithm)
    }

    /// Wraps an Ed25519 public key.
    public init(ed25519: Curve25519.Signing.PublicKey, keyID: String? = nil, algorithm: JWSAlgorithm? = nil) {
        self.init(key: .ed25519(ed25519), keyID: keyID, algorithm: algorithm)
    }

    /// The public JWK members (`kty`, `kid`, `alg`, `use`, `key_ops`, `n`/`e`, `crv`/`x`/`y`), for
    /// serving a JWKS from a test provider or printing.
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = ["kty": .string(keyType)]
        if let keyID { members["kid"] = .string(keyID) }
        if let algorithm { members["alg"] = .string(algorithm.rawValue) }
        if let use { members["use"] = .string(use) }
        if let keyOperations { members["key_ops"] = .array(keyOperations.map { .string($0) }) }
        if let curve { members["crv"] = .string(curve) }
        switch key {
        case .rsa(let rsa, _):
            if let primitives = try? rsa.getKeyPrimitives() {
                members["n"] = .string(Base64URL.encode(primitives.modulus.drop(while: { $0 == 0 })))
                members["e"] = .string(Base64URL.encode(primitives.publicExponent.drop(while: { $0 == 0 })))
            }
        case .p256(let ec): Self.addCoordinates(ec.x963Representation, to: &members)
        case .p384(let ec): Self.addCoordinates(ec.x963Representation, to: &members)
        case .p521(let ec): Self.addCoordinates(ec.x963Representation, to: &members)
        case .ed25519(let ed): members["x"] = .string(Base64URL.encode(ed.rawRepresentation))
        }
        return .object(members)
    }

    private static func addCoordinates(_ x963: some Collection<UInt8>, to members: inout [String: JSONValue]) {
        let point = Array(x963.dropFirst())
        let half = point.count / 2
        members["x"] = .string(Base64URL.encode(point.prefix(half)))
        members["y"] = .string(Base64URL.encode(point.suffix(half)))
    }
}
