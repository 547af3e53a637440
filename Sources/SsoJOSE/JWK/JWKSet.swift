/// A set of public keys (RFC 7517 §5) to verify tokens with.
///
/// Parsing keeps every usable key and records, in ``skipped``, each member that cannot verify
/// anything here, with a code and a reason: a key of a type or use not verified with (unknown
/// `kty`, `oct`, secp256k1, X25519, `use: enc`…), a weak key (small RSA, small-order Ed25519),
/// and — RFC 7517 §5: a member that cannot be understood SHOULD be ignored — a malformed key or
/// one whose `x5c` disagrees with it. One bad key at a provider so costs only the logins that
/// need that key. What stays fatal: a document that is not an object with a `keys` array, more
/// than ``JOSELimits/maxKeys`` members, and two usable keys of one type and curve with the same
/// `kid` (compared as bytes), which would make selection ambiguous.
public struct JWKSet: Sendable {
    /// The usable keys, in document order.
    public let keys: [JWK]
    /// Keys that were left out.
    public let skipped: [SkippedKey]

    /// A set of the given keys. Throws `jose.jwks.duplicate_kid` when two keys of the
    /// same type and curve share a `kid`.
    public init(keys: [JWK]) throws(SsoError) {
        try self.init(keys: keys, skipped: [])
    }

    /// What two usable keys may not share: type, curve and the `kid`'s exact bytes.
    private struct Identity: Hashable {
        let keyType: String
        let curve: String?
        let keyID: ExactString
    }

    init(keys: [JWK], skipped: [SkippedKey]) throws(SsoError) {
        var seen: Set<Identity> = []
        for key in keys {
            guard let kid = key.keyID else { continue }
            guard seen.insert(Identity(keyType: key.keyType, curve: key.curve, keyID: ExactString(kid))).inserted else {
                throw SsoError(
                    .joseJWKSDuplicateKid,
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
        let json = try JSONParser.parse(
            bytes,
            limits: JSONLimits(
                maxBytes: limits.maxJWKSBytes,
                maxDepth: limits.maxJSONDepth))
        guard case .object = json else {
            throw SsoError(.joseJWKSInvalid, "a JWKS or JWK is a JSON object")
        }
        return json
    }

    /// Reads each member (count checked first, so the key work is bounded by `maxKeys`); a member
    /// that throws is skipped with its code, whatever the reason.
    private init(elements: [JSONValue], limits: JOSELimits) throws(SsoError) {
        guard elements.count <= limits.maxKeys else {
            throw SsoError(.joseJWKSInvalid, "the JWKS has more than \(limits.maxKeys) keys")
        }
        var keys: [JWK] = []
        var skipped: [SkippedKey] = []
        for (index, element) in elements.enumerated() {
            do throws(SsoError) {
                keys.append(try JWK(json: element))
            } catch {
                skipped.append(SkippedKey(index: index, element: element, error: error))
            }
        }
        try self.init(keys: keys, skipped: skipped)
    }
}
