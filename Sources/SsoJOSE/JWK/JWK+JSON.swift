extension JWK {
    /// Interprets a JWK object. Throws ``SsoError/Code/joseJWKUnsupported`` for a key this library
    /// does not verify with (unknown `kty`, `oct`, secp256k1, X25519, `use: enc`, `key_ops` without
    /// `verify`, an encryption `alg`), ``SsoError/Code/joseJWKWeak`` for a weak RSA key or a
    /// small-order Ed25519 point, ``SsoError/Code/joseJWKX5CMismatch`` when `x5c` disagrees, and
    /// ``SsoError/Code/joseJWKInvalid`` for anything malformed. A P-521 coordinate may be 65 bytes
    /// (its zero top byte dropped); every other coordinate must have the curve's full size.
    package init(json: JSONValue) throws(SsoError) {
        guard case .object(let members) = json else {
            throw SsoError(.joseJWKInvalid, "a JWK is a JSON object")
        }
        let keyID = try Self.optionalString(members, "kid")
        let kty = try Self.optionalString(members, "kty")
        guard let kty else { throw SsoError(.joseJWKInvalid, "the JWK has no \"kty\"") }
        let use = try Self.optionalString(members, "use")
        if let use, use != "sig" {
            throw SsoError(.joseJWKUnsupported, "the JWK's use is \(JOSEText.quoted(use)), not \"sig\"")
        }
        let keyOperations = try Self.keyOperations(members)
        if let keyOperations, !keyOperations.contains("verify") {
            throw SsoError(.joseJWKUnsupported, "the JWK's key_ops do not include \"verify\"")
        }
        var algorithm: JWSAlgorithm?
        if let alg = try Self.optionalString(members, "alg") {
            guard let known = JWSAlgorithm(rawValue: alg), !known.isHMAC else {
                throw SsoError(
                    .joseJWKUnsupported, "the JWK's alg \(JOSEText.quoted(alg)) is not a signature algorithm")
            }
            algorithm = known
        }
        let key: JWKPublicKey
        switch kty {
        case "RSA":
            key = try .rsa(n: try Self.bytes(members, "n"), e: try Self.bytes(members, "e"))
        case "EC":
            guard let crv = try Self.optionalString(members, "crv") else {
                throw SsoError(.joseJWKInvalid, "the EC JWK has no \"crv\"")
            }
            guard ["P-256", "P-384", "P-521"].contains(crv) else {
                throw SsoError(.joseJWKUnsupported, "the EC curve \(JOSEText.quoted(crv)) is not supported")
            }
            key = try .ec(curve: crv, x: try Self.bytes(members, "x"), y: try Self.bytes(members, "y"))
        case "OKP":
            guard let crv = try Self.optionalString(members, "crv") else {
                throw SsoError(.joseJWKInvalid, "the OKP JWK has no \"crv\"")
            }
            guard crv == "Ed25519" else {
                throw SsoError(
                    .joseJWKUnsupported, "the OKP curve \(JOSEText.quoted(crv)) cannot verify signatures here")
            }
            key = try .ed25519(x: try Self.bytes(members, "x"))
        case "oct":
            throw SsoError(.joseJWKUnsupported, "symmetric keys are not taken from a JWKS; configure the HMAC secret")
        default:
            throw SsoError(.joseJWKUnsupported, "the key type \(JOSEText.quoted(kty)) is not supported")
        }
        if let algorithm, !key.supports(algorithm) {
            throw SsoError(.joseJWKInvalid, "the JWK's alg \(algorithm) does not match its key type")
        }
        self.init(key: key, keyID: keyID, algorithm: algorithm, use: use, keyOperations: keyOperations)
        try X5CCheck.verify(members, matches: key)
    }

    private static func optionalString(_ members: [String: JSONValue], _ name: String) throws(SsoError) -> String? {
        switch members[name] {
        case nil: return nil
        case .string(let text)?: return text
        default: throw SsoError(.joseJWKInvalid, "the JWK member \"\(name)\" is not a string")
        }
    }

    private static func bytes(_ members: [String: JSONValue], _ name: String) throws(SsoError) -> [UInt8] {
        guard let text = try optionalString(members, name) else {
            throw SsoError(.joseJWKInvalid, "the JWK has no \"\(name)\"")
        }
        do throws(SsoError) {
            let decoded = try Base64URL.decode(text)
            guard !decoded.isEmpty else { throw SsoError(.joseJWKInvalid, "empty") }
            return decoded
        } catch {
            throw SsoError(.joseJWKInvalid, "the JWK member \"\(name)\" is not non-empty base64url", underlying: error)
        }
    }

    private static func keyOperations(_ members: [String: JSONValue]) throws(SsoError) -> [String]? {
        guard let value = members["key_ops"] else { return nil }
        guard case .array(let items) = value else {
            throw SsoError(.joseJWKInvalid, "the JWK member \"key_ops\" is not an array")
        }
        var operations: [String] = []
        for item in items {
            guard case .string(let operation) = item, !operations.contains(operation) else {
                throw SsoError(.joseJWKInvalid, "the JWK member \"key_ops\" must hold distinct strings")
            }
            operations.append(operation)
        }
        return operations
    }
}
