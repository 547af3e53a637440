/// Strict base64url (RFC 4648 §5) without padding, as JOSE requires.
public enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Encodes `bytes` without padding.
    public static func encode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        Base64Codec.encode(Array(bytes), alphabet: alphabet, pad: false)
    }

    /// Decodes `text` strictly: only the base64url alphabet, no padding, no whitespace, and the
    /// unused low bits of the last character must be zero (so each value has one encoding).
    public static func decode<Text: StringProtocol>(_ text: Text) throws(SsoError) -> [UInt8] {
        guard
            let bytes = Base64Codec.decode(
                Array(text.utf8), urlAlphabet: true, allowPadding: false,
                allowWhitespace: false)
        else {
            throw SsoError(.encodingInvalidBase64, "the value is not strict unpadded base64url")
        }
        return bytes
    }
}

/// Standard base64 (RFC 4648 §4).
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Encodes `bytes` with padding.
    public static func encode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        Base64Codec.encode(Array(bytes), alphabet: alphabet, pad: true)
    }

    /// Decodes `text` strictly: the standard alphabet with correct padding. With
    /// `allowWhitespace`, spaces, tabs and line breaks anywhere are skipped, as real SAML
    /// identity providers wrap their output.
    public static func decode<Text: StringProtocol>(_ text: Text, allowWhitespace: Bool = false) throws(SsoError)
        -> [UInt8]
    {
        guard
            let bytes = Base64Codec.decode(
                Array(text.utf8), urlAlphabet: false, allowPadding: true,
                allowWhitespace: allowWhitespace)
        else {
            throw SsoError(.encodingInvalidBase64, "the value is not valid base64")
        }
        return bytes
    }
}

enum Base64Codec {
    static func encode(_ bytes: [UInt8], alphabet: [UInt8], pad: Bool) -> String {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= bytes.count {
            let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            out.append(alphabet[Int(chunk >> 18 & 63)])
            out.append(alphabet[Int(chunk >> 12 & 63)])
            out.append(alphabet[Int(chunk >> 6 & 63)])
            out.append(alphabet[Int(chunk & 63)])
            index += 3
        }
        let rest = bytes.count - index
        if rest == 1 {
            let chunk = UInt32(bytes[index]) << 16
            out.append(alphabet[Int(chunk >> 18 & 63)])
            out.append(alphabet[Int(chunk >> 12 & 63)])
            if pad { out.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "=")]) }
        } else if rest == 2 {
            let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
            out.append(alphabet[Int(chunk >> 18 & 63)])
            out.append(alphabet[Int(chunk >> 12 & 63)])
            out.append(alphabet[Int(chunk >> 6 & 63)])
            if pad { out.append(UInt8(ascii: "=")) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func value(of byte: UInt8, urlAlphabet: Bool) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-") where urlAlphabet: return 62
        case UInt8(ascii: "_") where urlAlphabet: return 63
        case UInt8(ascii: "+") where !urlAlphabet: return 62
        case UInt8(ascii: "/") where !urlAlphabet: return 63
        default: return nil
        }
    }

    static func decode(_ input: [UInt8], urlAlphabet: Bool, allowPadding: Bool, allowWhitespace: Bool) -> [UInt8]? {
        var digits = [UInt8]()
        digits.reserveCapacity(input.count)
        var padding = 0
        for byte in input {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                guard allowWhitespace else { return nil }
            case UInt8(ascii: "="):
                guard allowPadding else { return nil }
                padding += 1
            default:
                guard padding == 0, let digit = value(of: byte, urlAlphabet: urlAlphabet) else { return nil }
                digits.append(digit)
            }
        }
        let remainder = digits.count % 4
        if remainder == 1 { return nil }
        if allowPadding {
            let expected = remainder == 0 ? 0 : 4 - remainder
            guard padding == expected else { return nil }
        }
        var out = [UInt8]()
        out.reserveCapacity(digits.count * 3 / 4)
        var index = 0
        while index + 4 <= digits.count {
            let chunk =
                UInt32(digits[index]) << 18 | UInt32(digits[index + 1]) << 12
                | UInt32(digits[index + 2]) << 6 | UInt32(digits[index + 3])
            out.append(UInt8(truncatingIfNeeded: chunk >> 16))
            out.append(UInt8(truncatingIfNeeded: chunk >> 8))
            out.append(UInt8(truncatingIfNeeded: chunk))
            index += 4
        }
        if remainder == 2 {
            guard digits[index + 1] & 0x0F == 0 else { return nil }
            out.append(digits[index] << 2 | digits[index + 1] >> 4)
        } else if remainder == 3 {
            guard digits[index + 2] & 0x03 == 0 else { return nil }
            out.append(digits[index] << 2 | digits[index + 1] >> 4)
            out.append(digits[index + 1] << 4 | digits[index + 2] >> 2)
        }
        return out
    }
}
