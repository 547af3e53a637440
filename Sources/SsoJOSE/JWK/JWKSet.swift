/// A set of public keys (RFC 7517 §5) to verify tokens with.
///
/// Parsing keeps every usable key and records, in ``skipped``, each key that cannot verify
/// anything here (unknown `kty`, `oct`, secp256k1, X25519, `use: enc`, weak RSA…) with a reason;
/// such keys are never fatal, since real JWKS documents contain them. A malformed key of a
/// supported type, an `x5c` that disagrees with its key, or two usable keys of the same type and
/// curve with the same `kid` reject the whole document.
public struct JWKSet: Sendable {
    /// A key left out of the set, and why.
    public struct SkippedKey: Sendable, Hashable {
        /// Position in the document's `keys` array.
        public let index: Int
        /// Its `kid`, when it had a string one.
        public let keyID: String?
        /// Why it was skipped (``SsoError/Code/joseJWKUnsupported`` or ``SsoError/Code/joseJWKWeak``).
        public let code: SsoError.Code
        /// A readable reason.
        public let reason: String
    }

    /// The usable keys, in document order.
    public let keys: [JWK]
    /// Keys that were left out.
    public let skipped: [SkippedKey]

    /// A set of the given keys. Throws ``SsoError/Code/joseJWKSDuplicateKid`` when two keys of the
    /// same type and curve share a `kid`.
    public init(keys: [JWK]) throws(SsoError) {
        try self.init(keys: keys, skipped: [])
    }

    init(keys: [JWK], skipped: [SkippedKey]) throws(SsoError) {
        var seen: Set<String> = []
        for key in keys {
            guard let kid = key.keyID else { continue }
            let identity = "\(key.keyType)/\(key.curve ?? "")/\(kid)"
            guard seen.insert(identity).inserted else {
                throw SsoError(.joseJWKSDuplicateKid,
                               "two \(key.keyType) keys have the kid \(JOSEText.quoted(kid))")
            }
        }
        self.keys = keys
        self.skipped = skipped
    }

    /// Parses a JWKS document: `{"keys": [ … ]}`.
    public static func parse(_ bytes: some Collection<UInt8>, limits: JOSELimits = .default) throws(SsoError)
        -> JWKSet
    {
        let json = try parseJSON(bytes, limits: limits)
        guard case .array(let items)? = json["keys"] else {
            throw SsoError(.joseJWKSInvalid, "a JWKS is an object with a \"keys\" array")
        }
        return try JWKSet(elements: items, limits: limits)
    }

    /// Parses either a JWKS document or a single JWK (an object with `kty` and no `keys`). A single
    /// unusable JWK is an error, not an empty set.
    public static func parseSetOrKey(_ bytes: some Collection<UInt8>, limits: JOSELimits = .default) throws(SsoError)
        -> JWKSet
    {
        let json = try parseJSON(bytes, limits: limits)
        if case .array(let items)? = json["keys"] {
            return try JWKSet(elements: items, limits: limits)
        }
        guard json["kty"] != nil else {
            throw SsoError(.joseJWKSInvalid, "the document is neither a JWKS nor a JWK")
        }
        return try JWKSet(keys: [try JWK(json: json)])
    }

    private static func parseJSON(_ bytes: some Collection<UInt8>, limits: JOSELimits) throws(SsoError) -> JSONValue {
        guard bytes.count <= limits.maxJWKSBytes else {
            throw SsoError(.joseJWKSInvalid, "the key document is larger than \(limits.maxJWKSBytes) bytes")
        }
        let json = try JSONParser.parse(bytes, limits: JSONLimits(maxBytes: limits.maxJWKSBytes,
                                                                  maxDepth: limits.maxJSONDepth))
        guard case .object = json else {
            throw SsoError(.joseJWKSInvalid, "a JWKS or JWK is a JSON object")
        }
        return json
    }

    private init(elements: [JSONValue], limits: JOSELimits) throws(SsoError) {
        guard elements.count <= limits.maxKeys else {
            throw SsoError(.joseJWKSInvalid, "the JWKS has more than \(limits.maxKeys) keys")
        }
        var keys: [JWK] = []
        var skipped: [SkippedKey] = []
        for (index, element) in elements.enumerated() {
            do throws(SsoError) {
                keys.append(try JWK(json: element))
            } catch where error.code == .joseJWKUnsupported || error.code == .joseJWKWeak {
                skipped.append(SkippedKey(index: index, keyID: element["kid"]?.stringValue,
                                          code: error.code, reason: error.message))
            } catch {
                throw SsoError(.joseJWKSInvalid, "the JWKS key at index \(index) is invalid: \(error.message)",
                               underlying: error)
            }
        }
        try self.init(keys: keys, skipped: skipped)
    }
}
