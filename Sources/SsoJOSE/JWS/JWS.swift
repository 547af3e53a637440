/// A JWS in compact serialisation (RFC 7515 §7.1), parsed but not yet verified.
///
/// Parsing is strict: size limit first, exactly three parts, strict unpadded base64url, the header
/// must be a JSON object without duplicate member names, `alg` must be one we implement (`none`
/// never), `crit` must be empty. The payload is arbitrary bytes (RFC 7515 §2), an empty one
/// included: only the JWT layer (``claimsSet(limits:)``) reads it as JSON. The exact signing input
/// bytes are kept, so a payload containing CR LF or unusual whitespace verifies over what was signed.
public struct JWS: Sendable {
    /// The protected header.
    public let header: JWSHeader
    /// The decoded payload bytes, exactly as signed; possibly empty, not necessarily JSON.
    public let payload: [UInt8]
    /// The decoded signature bytes.
    public let signature: [UInt8]
    /// `BASE64URL(header) || '.' || BASE64URL(payload)`, the bytes the signature covers.
    public let signingInput: [UInt8]
    /// Where the payload starts in ``signingInput``.
    private let payloadOffset: Int

    /// The payload as it appeared in the token (base64url).
    public var encodedPayload: String {
        String(decoding: signingInput[payloadOffset...], as: UTF8.self)
    }

    /// Parses a compact JWS. Leading or trailing whitespace is an error: trim before calling.
    public static func parse(_ compact: some StringProtocol, limits: JOSELimits = .default) throws(SsoError) -> JWS {
        guard compact.utf8.count <= limits.maxTokenBytes else {
            throw SsoError(.joseTokenTooLarge, "the token is larger than \(limits.maxTokenBytes) bytes")
        }
        return try parse(utf8: Array(compact.utf8), limits: limits)
    }

    /// Parses a compact JWS given as bytes.
    public static func parse(utf8 bytes: consuming [UInt8], limits: JOSELimits = .default) throws(SsoError) -> JWS {
        guard bytes.count <= limits.maxTokenBytes else {
            throw SsoError(.joseTokenTooLarge, "the token is larger than \(limits.maxTokenBytes) bytes")
        }
        let (first, second, extra) = bytes.withUnsafeBufferPointer { buffer in
            var dots = (first: -1, second: -1, extra: false)
            for offset in 0..<buffer.count where buffer[offset] == UInt8(ascii: ".") {
                if dots.first < 0 {
                    dots.first = offset
                } else if dots.second < 0 {
                    dots.second = offset
                } else {
                    dots.extra = true
                    break
                }
            }
            return dots
        }
        guard !extra, first > 0, second > first else {
            throw SsoError(.joseTokenMalformed, "a compact JWS has exactly three parts and a non-empty header")
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
        bytes.removeSubrange(second...)  // what remains is the signing input, without a copy
        return JWS(
            header: header, payload: payloadBytes, signature: signatureBytes, signingInput: bytes,
            payloadOffset: first + 1)
    }

    private static func decodePart(_ part: ArraySlice<UInt8>, name: String) throws(SsoError) -> [UInt8] {
        do throws(SsoError) {
            return try Base64URL.decode(utf8: part)
        } catch {
            throw SsoError(.joseTokenBase64, "the JWS \(name) is not strict unpadded base64url", underlying: error)
        }
    }
}
