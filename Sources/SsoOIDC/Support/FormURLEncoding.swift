/// Percent-encoding for the two places OAuth puts text into HTTP: URL queries and
/// `application/x-www-form-urlencoded` bodies (RFC 6749 Appendix B).
///
/// Only the RFC 3986 unreserved characters (`A–Z a–z 0–9 - . _ ~`) are left as they are; every
/// other byte of the UTF-8 form is `%XX`-encoded. In form encoding a space becomes `+`.
package enum FormURLEncoding {
    private static let hex = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Encodes `text` for `application/x-www-form-urlencoded` (space → `+`).
    package static func formEncode(_ text: String) -> String {
        encode(text, spaceAsPlus: true)
    }

    /// Encodes `text` for a URL query component (space → `%20`).
    package static func queryEncode(_ text: String) -> String {
        encode(text, spaceAsPlus: false)
    }

    private static func encode(_ text: String, spaceAsPlus: Bool) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.append(byte)
            } else if byte == UInt8(ascii: " ") && spaceAsPlus {
                out.append(UInt8(ascii: "+"))
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `name=value&…` with each name and value form-encoded, in the given order.
    package static func formBody(_ pairs: [(String, String)]) -> String {
        pairs.map { formEncode($0.0) + "=" + formEncode($0.1) }.joined(separator: "&")
    }

    /// `name=value&…` with each name and value query-encoded, in the given order.
    package static func query(_ pairs: [(String, String)]) -> String {
        pairs.map { queryEncode($0.0) + "=" + queryEncode($0.1) }.joined(separator: "&")
    }

    /// Decodes one form- or query-encoded component (`+` → space). `nil` for a malformed escape
    /// or invalid UTF-8.
    package static func decode(_ text: Substring) -> String? {
        var out = [UInt8]()
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                out.append(high << 4 | low)
            } else {
                out.append(byte)
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    /// Splits `a=1&b=2` into decoded pairs; `nil` if any component is malformed.
    package static func parse(_ text: String) -> [(String, String)]? {
        var pairs: [(String, String)] = []
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let halves = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(halves[0]) else { return nil }
            let value = halves.count > 1 ? decode(halves[1]) : ""
            guard let value else { return nil }
            pairs.append((name, value))
        }
        return pairs
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
