/// RFC 4515 filter building.
public enum LDAPFilter {
    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Escapes `value` for use inside a filter assertion: `*`, `(`, `)`, `\`, control characters
    /// and every non-ASCII byte become `\XX` — byte for byte what libldap's `ldap_bv2escaped_filter_value`
    /// produces, so a value can never change the filter's structure.
    public static func escape(_ value: String) -> String {
        escape(bytes: Array(value.utf8))
    }

    /// Escapes raw bytes (e.g. a binary `objectGUID`) for a filter assertion.
    public static func escape(bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case 0x00...0x1F, 0x2A, 0x28, 0x29, 0x5C, 0x7F...0xFF:
                output += [0x5C, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default:
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `(attribute=value)` with `value` escaped. `attribute` must be a valid attribute description.
    public static func equality(_ attribute: String, _ value: String) -> String {
        "(\(attribute)=\(escape(value)))"
    }

    /// Whether `name` is an attribute description safe to put into a filter or an attribute list:
    /// a keystring (`ALPHA *(ALPHA / DIGIT / "-")`) or a numeric OID, optionally with options.
    package static func isValidAttributeName(_ name: String) -> Bool {
        let parts = name.split(separator: ";", omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty, name.utf8.count <= 128 else { return false }
        let keystring =
            first.first?.isASCII == true && first.first?.isLetter == true
            && first.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        let oid = first.split(separator: ".", omittingEmptySubsequences: false)
            .allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        let options = parts.dropFirst().allSatisfy { option in
            !option.isEmpty && option.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
        return (keystring || oid) && options
    }

    /// Whether `filter` is a plausible parenthesised filter: starts with `(`, ends with `)`,
    /// parentheses balance outside escapes, no NUL. The server checks the rest.
    public static func isWellFormed(_ filter: String) -> Bool {
        guard filter.hasPrefix("("), filter.hasSuffix(")"), !filter.utf8.contains(0), filter.utf8.count <= 4096 else {
            return false
        }
        var depth = 0
        for byte in filter.utf8 {
            if byte == 0x28 {
                depth += 1
            } else if byte == 0x29 {
                depth -= 1
                if depth < 0 { return false }
            }
        }
        return depth == 0
    }
}
