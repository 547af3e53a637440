import SsoJOSE

/// Builds compact JWS tokens for tests, including broken ones.
public enum FakeJWT {
    /// `header.payload.signature`, signed by `key` over the exact encoded header and payload.
    ///
    /// - Parameters:
    ///   - claims: the payload, encoded as given: nothing is added or checked, so it may be invalid.
    ///   - key: the key that signs; it also gives the header's `alg` and, when it has one, `kid`.
    ///   - header: extra header members; `alg` and `kid` come from `key` unless given here, and a
    ///     `null` value removes a member (`typ`, `JWT` by default, included).
    public static func sign(claims: [String: JSONValue], key: FakeSigningKey, header: [String: JSONValue] = [:])
        throws -> String
    {
        var members: [String: JSONValue] = ["alg": .string(key.algorithm.rawValue), "typ": .string("JWT")]
        if let keyID = key.keyID { members["kid"] = .string(keyID) }
        for (name, value) in header { members[name] = value }
        members = members.filter { !$0.value.isNull }
        let signingInput = encode(.object(members)) + "." + encode(.object(claims))
        let signature = try key.sign(Array(signingInput.utf8))
        return signingInput + "." + Base64URL.encode(signature)
    }

    /// An unsigned token (`alg` `none` by default) with an empty signature part.
    public static func unsigned(claims: [String: JSONValue], alg: String = "none") -> String {
        encode(.object(["alg": .string(alg), "typ": .string("JWT")])) + "." + encode(.object(claims)) + "."
    }

    /// The token with one bit of its signature flipped.
    public static func corruptingSignature(_ token: String) -> String {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, var signature = try? Base64URL.decode(parts[2]), !signature.isEmpty else {
            return token
        }
        signature[signature.count / 2] ^= 0x01
        return "\(parts[0]).\(parts[1]).\(Base64URL.encode(signature))"
    }

    /// Base64url of a JSON value's serialized text.
    public static func encode(_ value: JSONValue) -> String {
        Base64URL.encode(Array(value.serialized().utf8))
    }
}
