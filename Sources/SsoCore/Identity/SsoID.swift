import Foundation

/// Sortable identifiers in the reference's style: a prefix (`sso_conn_`, `sso_sess_`, `dev_`)
/// and a ULID (48-bit millisecond timestamp + 80 random bits, Crockford base32, 26 characters).
package enum SsoID {
    /// The prefix of connection ids.
    package static let connectionPrefix = "sso_conn_"
    /// The prefix of session ids.
    package static let sessionPrefix = "sso_sess_"
    /// The prefix of developer (user) ids.
    package static let developerPrefix = "dev_"

    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// A new id: `prefix` followed by a ULID for `date`.
    package static func make(prefix: String, date: Date, random: any RandomSource) -> String {
        prefix + ulid(date: date, random: random)
    }

    /// A 26-character ULID for `date`, whose text order follows time order.
    package static func ulid(date: Date, random: any RandomSource) -> String {
        let millis = UInt64(max(0, min(date.timeIntervalSince1970 * 1000, Double(UInt64(1) << 48 - 1))))
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 {
            bytes[index] = UInt8(truncatingIfNeeded: millis >> (8 * (5 - index)))
        }
        let entropy = random.bytes(10)
        for index in 0..<10 {
            bytes[6 + index] = entropy[index]
        }
        // 128 bits as 26 base32 digits: the first digit carries the top 3 bits.
        var high = UInt64(0)
        var low = UInt64(0)
        for index in 0..<8 { high = high << 8 | UInt64(bytes[index]) }
        for index in 8..<16 { low = low << 8 | UInt64(bytes[index]) }
        var out = [UInt8](repeating: 0, count: 26)
        for position in stride(from: 25, through: 0, by: -1) {
            out[position] = alphabet[Int(low & 31)]
            low = low >> 5 | (high & 31) << 59
            high >>= 5
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `id` has `prefix` followed by a well-formed ULID.
    package static func isValid(_ id: String, prefix: String) -> Bool {
        guard id.hasPrefix(prefix) else { return false }
        let body = id.utf8.dropFirst(prefix.utf8.count)
        return body.count == 26 && body.allSatisfy { alphabet.contains($0) } && (body.first ?? 0) <= UInt8(ascii: "7")
    }
}
