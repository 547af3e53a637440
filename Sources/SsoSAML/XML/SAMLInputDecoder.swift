import SsoCore

/// Turns what a caller received (the `SAMLResponse` form field, a file) into XML bytes.
package enum SAMLInputDecoder {
    /// Returns the XML bytes of `input`: raw XML (first non-whitespace byte `<`, optionally after
    /// a UTF-8 byte-order mark) is returned as is; anything else must be strict standard base64,
    /// with spaces and line breaks allowed as identity providers wrap it. The decoded size is
    /// bounded by `maxBytes` before and after decoding.
    package static func xmlBytes(_ input: [UInt8], maxBytes: Int = 256 * 1024) throws(SsoError) -> [UInt8] {
        var start = 0
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { start = 3 }
        while start < input.count, isWhitespace(input[start]) { start += 1 }
        guard start < input.count else {
            throw SsoError(.samlInputInvalid, "the SAML response is empty")
        }
        if input[start] == UInt8(ascii: "<") {
            guard input.count <= maxBytes else {
                throw SsoError(.samlXMLTooLarge, "the SAML response is larger than \(maxBytes) bytes")
            }
            return input
        }
        // Base64 grows by 4/3; allow line breaks on top before even looking at the characters.
        guard input.count <= maxBytes / 3 * 4 + maxBytes / 16 + 8 else {
            throw SsoError(.samlXMLTooLarge, "the SAML response is larger than \(maxBytes) bytes")
        }
        let decoded: [UInt8]
        do {
            decoded = try Base64.decode(utf8: input[start...], allowWhitespace: true)
        } catch {
            throw SsoError(.samlInputInvalid, "the SAML response is neither XML nor strict base64", underlying: error)
        }
        guard decoded.count <= maxBytes else {
            throw SsoError(.samlXMLTooLarge, "the SAML response is larger than \(maxBytes) bytes")
        }
        var first = 0
        if decoded.count >= 3, decoded[0] == 0xEF, decoded[1] == 0xBB, decoded[2] == 0xBF { first = 3 }
        while first < decoded.count, isWhitespace(decoded[first]) { first += 1 }
        guard first < decoded.count, decoded[first] == UInt8(ascii: "<") else {
            throw SsoError(.samlInputInvalid, "the base64 SAML response does not decode to XML")
        }
        return decoded
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
