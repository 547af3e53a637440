/// RFC 4514 distinguished names: escaping values, parsing and normalising for comparison.
public enum LDAPDistinguishedName {
    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Escapes an attribute value for use in a DN string (RFC 4514 §2.4): `"`, `+`, `,`, `;`, `<`,
    /// `=`, `>`, `\` anywhere, a leading `#` or space, a trailing space, and NUL as `\00`.
    public static func escapeValue(_ value: String) -> String {
        let bytes = Array(value.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 8)
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case 0x00:
                output += [0x5C, 0x30, 0x30]
            case 0x22, 0x2B, 0x2C, 0x3B, 0x3C, 0x3D, 0x3E, 0x5C:
                output += [0x5C, byte]
            case 0x23 where index == 0, 0x20 where index == 0 || index == bytes.count - 1:
                output += [0x5C, byte]
            default:
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// One attribute-value assertion of an RDN, value unescaped.
    public struct AttributeValue: Sendable, Hashable {
        /// The attribute type as written (`cn`, `OU`, an OID).
        public var type: String
        /// The value with escapes resolved.
        public var value: String
    }

    /// Parses an RFC 4514 string into RDNs (each a list of attribute values), or nil when malformed.
    public static func parse(_ dn: String) -> [[AttributeValue]]? {
        let bytes = Array(dn.utf8)
        var rdns: [[AttributeValue]] = []
        var current: [AttributeValue] = []
        var index = 0
        if bytes.allSatisfy({ $0 == 0x20 }) { return [] }
        while index <= bytes.count {
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }
            let typeStart = index
            while index < bytes.count, bytes[index] != 0x3D { index += 1 }
            guard index < bytes.count else { return nil }
            let type = String(decoding: bytes[typeStart..<index], as: UTF8.self).trimmingSpaces()
            guard !type.isEmpty, LDAPFilter.isValidAttributeName(type) else { return nil }
            index += 1
            var value: [UInt8] = []
            var lastSignificant = 0
            while index < bytes.count, value.isEmpty, bytes[index] == 0x20 { index += 1 }
            var terminator: UInt8 = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x2C || byte == 0x2B || byte == 0x3B {
                    terminator = byte
                    break
                }
                if byte == 0x5C {
                    guard index + 1 < bytes.count else { return nil }
                    let next = bytes[index + 1]
                    if let high = hexValue(next), index + 2 < bytes.count, let low = hexValue(bytes[index + 2]) {
                        value.append(high << 4 | low)
                        index += 3
                    } else {
                        value.append(next)
                        index += 2
                    }
                    lastSignificant = value.count
                    continue
                }
                value.append(byte)
                if byte != 0x20 { lastSignificant = value.count }
                index += 1
            }
            value.removeLast(value.count - lastSignificant)
            guard let text = String(validating: value, as: UTF8.self) else { return nil }
            current.append(AttributeValue(type: type, value: text))
            if terminator != 0x2B {
                rdns.append(current)
                current = []
            }
            if index >= bytes.count { break }
            index += 1
        }
        return current.isEmpty ? rdns : nil
    }

    /// A canonical form for comparing DNs: types and values lowercased, spaces around separators
    /// dropped, escapes resolved and re-applied uniformly, multi-valued RDNs sorted. Returns the
    /// lowercased input when it does not parse (so it still only equals itself).
    public static func normalize(_ dn: String) -> String {
        guard let rdns = parse(dn) else { return dn.lowercased() }
        return rdns.map { rdn in
            rdn.map { "\($0.type.lowercased())=\(escapeValue($0.value.lowercased()))" }.sorted().joined(separator: "+")
        }.joined(separator: ",")
    }

    /// The value of the first RDN (e.g. `engineers` for `cn=engineers,ou=groups,…`).
    package static func leafValue(_ dn: String) -> String? {
        parse(dn)?.first?.first?.value
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var view = Substring(self)
        while view.first == " " { view.removeFirst() }
        while view.last == " " { view.removeLast() }
        return String(view)
    }
}
