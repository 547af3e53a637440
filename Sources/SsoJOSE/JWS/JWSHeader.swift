/// The protected header of a JWS, as far as verification uses it.
///
/// `jku`, `x5u`, `jwk` and `x5c` are recorded only so callers can see them; they are never used
/// to find or trust a key.
public struct JWSHeader: Sendable, Hashable {
    /// The signature algorithm (never `none`).
    public let algorithm: JWSAlgorithm
    /// The key id, when present.
    public let keyID: String?
    /// The `typ` member, when present.
    public let type: String?
    /// The whole header object.
    public let json: JSONValue

    /// Header members that would name or carry a key (`jku`, `x5u`, `jwk`, `x5c`) and that
    /// verification ignores by design.
    package var ignoredKeyReferences: [String] {
        ["jku", "x5u", "jwk", "x5c"].filter { json[$0] != nil }
    }

    /// Interprets a parsed header object.
    init(json: JSONValue) throws(SsoError) {
        guard case .object(let members) = json else {
            throw SsoError(.joseHeaderInvalid, "the JWS header is not a JSON object")
        }
        guard let algValue = members["alg"] else {
            throw SsoError(.joseAlgUnsupported, "the JWS header has no \"alg\"")
        }
        guard case .string(let alg) = algValue else {
            throw SsoError(.joseHeaderInvalid, "the JWS header's \"alg\" is not a string")
        }
        algorithm = try JWSAlgorithm(headerValue: alg)
        switch members["kid"] {
        case nil: keyID = nil
        case .string(let kid)?: keyID = kid
        default: throw SsoError(.joseHeaderInvalid, "the JWS header's \"kid\" is not a string")
        }
        switch members["typ"] {
        case nil: type = nil
        case .string(let typ)?: type = typ
        default: throw SsoError(.joseHeaderInvalid, "the JWS header's \"typ\" is not a string")
        }
        if let crit = members["crit"] {
            try Self.checkCritical(crit, members: members)
        }
        try Self.checkNotJWE(members)
        switch members["b64"] {
        case nil, .bool(true)?: break
        default:
            // RFC 7797 §6: an unencoded payload is only valid with "b64" in "crit", refused above.
            throw SsoError(
                .joseHeaderInvalid, "the JWS header's \"b64\" asks for an unencoded payload, which is not supported")
        }
        self.json = json
    }

    /// `enc` and `zip` belong to JWE headers (RFC 7516): a JWS carrying them is another kind of
    /// object dressed as a signature, so it is refused rather than read with those ignored.
    private static func checkNotJWE(_ members: [String: JSONValue]) throws(SsoError) {
        for name in ["enc", "zip"] where members[name] != nil {
            throw SsoError(.joseHeaderInvalid, "the JWS header has the JWE member \"\(name)\"")
        }
    }

    /// RFC 7515 §4.1.11: `crit` is a non-empty array of distinct names, each present in the
    /// header and none registered by JWS/JWA. This library implements no extension, so any
    /// well-formed `crit` names something not understood and the token is rejected.
    private static func checkCritical(_ crit: JSONValue, members: [String: JSONValue]) throws(SsoError) {
        guard case .array(let names) = crit, !names.isEmpty else {
            throw SsoError(.joseHeaderCrit, "the JWS header's \"crit\" is not a non-empty array")
        }
        var seen: Set<String> = []
        for name in names {
            guard case .string(let text) = name, !text.isEmpty, seen.insert(text).inserted,
                members[text] != nil
            else {
                throw SsoError(.joseHeaderCrit, "the JWS header's \"crit\" is malformed")
            }
        }
        let first = seen.sorted().first ?? ""
        throw SsoError(
            .joseHeaderCrit,
            "the JWS header marks \(JOSEText.quoted(first)) critical, which is not understood")
    }
}
