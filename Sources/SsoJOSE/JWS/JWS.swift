/// A JWS in compact serialisation (RFC 7515 §7.1), parsed but not yet verified.
///
/// Parsing is strict: size limit first, exactly three parts, strict unpadded base64url, header and
/// payload must be JSON objects without duplicate member names, `alg` must be one we implement
/// (`none` never), `crit` must be empty. The exact signing input bytes are kept, so a payload
/// containing CR LF or unusual whitespace verifies over what was signed.
public struct JWS: Sendable {
    /// The protected header.
    public let header: JWSHeader
    /// The decoded payload bytes.
    public let payload: [UInt8]
    /// The payload parsed as a JSON object.
    public let payloadJSON: JSONValue
    /// The payload as it appeared in the token (base64url).
    public let encodedPayload: String
    /// The decoded signature bytes.
    public let signature: [UInt8]
    /// `BASE64URL(header) || '.' || BASE64URL(payload)`, the bytes the signature covers.
    public let signingInput: [UInt8]

    /// Parses a compact JWS. Leading or trailing whitespace is an error: trim before calling.
    public static func parse(_ compact: some StringProtocol, limits: JOSELimits = .default) throws(SsoError) -> JWS {
        try parse(utf8: Array(compact.utf8), limits: limits)
    }

    /// Parses a compact JWS given as bytes.
    public static func parse(utf8 bytes: [UInt8], limits: JOSELimits = .default) throws(SsoError) -> JWS {
        guard bytes.count <= limits.maxTokenBytes else {
            throw SsoError(.joseTokenTooLarge, "the token is larger than \(limits.maxTokenBytes) bytes")
        }
        var dots: [Int] = []
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: ".") {
            dots.append(offset)
            guard dots.count <= 2 else { break }
        }
        guard dots.count == 2, let first = dots.first, let second = dots.last, first > 0, second > first + 1 else {
            throw SsoError(.joseTokenMalformed, "a compact JWS has exactly three non-empty parts")
        }
        // The header is read before the signature's presence is checked, so an unsigned token
        // (`alg: none`, empty signature) is reported as such.
        let jsonLimits = JSONLimits(maxBytes: limits.maxTokenBytes, maxDepth: limits.maxJSONDepth)
        let headerJSON = try JSONParser.parse(try decodePart(bytes[0..<first], name: "header"), limits: jsonLimits)
        let header = try JWSHeader(json: headerJSON)
        guard second < bytes.count - 1 else {
            throw SsoError(.joseTokenMalformed, "the JWS signature is empty")
        }
        let payloadBytes = try decodePart(bytes[(first + 1)..<second], name: "payload")
        let signatureBytes = try decodePart(bytes[(second + 1)...], name: "signature")
        let payloadJSON = try JSONParser.parse(payloadBytes, limits: jsonLimits)
        guard case .object = payloadJSON else {
            throw SsoError(.josePayloadInvalid, "the JWS payload is not a JSON object")
        }
        return JWS(header: header, payload: payloadBytes, payloadJSON: payloadJSON,
                   encodedPayload: String(decoding: bytes[(first + 1)..<second], as: UTF8.self),
                   signature: signatureBytes, signingInput: Array(bytes[0..<second]))
    }

    private static func decodePart(_ part: ArraySlice<UInt8>, name: String) throws(SsoError) -> [UInt8] {
        do throws(SsoError) {
            return try Base64URL.decode(String(decoding: part, as: UTF8.self))
        } catch {
            throw SsoError(.joseTokenBase64, "the JWS \(name) is not strict unpadded base64url", underlying: error)
        }
    }
}
