import Foundation
import SsoLDAP

/// A parsed RFC 4515 filter, evaluated by ``FakeLDAPDirectory`` the way a directory would:
/// case-insensitive, surrounding spaces ignored, DN-valued attributes compared as DNs, and
/// Active Directory's in-chain rule on `member`.
indirect enum FakeLDAPFilter: Sendable {
    case and([FakeLDAPFilter])
    case or([FakeLDAPFilter])
    case not(FakeLDAPFilter)
    case equal(String, [UInt8])
    case present(String)
    case substring(String, [[UInt8]?])  // nil marks a `*`
    case inChain(String, [UInt8])

    /// Parses `text`, or returns nil when it is not a valid filter.
    static func parse(_ text: String) -> FakeLDAPFilter? {
        var parser = Parser(bytes: Array(text.utf8))
        guard let filter = parser.filter(), parser.index == parser.bytes.count else { return nil }
        return filter
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        mutating func filter() -> FakeLDAPFilter? {
            guard index < bytes.count, bytes[index] == 0x28 else { return nil }
            index += 1
            guard index < bytes.count else { return nil }
            let result: FakeLDAPFilter?
            switch bytes[index] {
            case 0x26: index += 1; result = list().map { .and($0) }
            case 0x7C: index += 1; result = list().map { .or($0) }
            case 0x21: index += 1; result = filter().map { .not($0) }
            default: result = item()
            }
            guard let result, index < bytes.count, bytes[index] == 0x29 else { return nil }
            index += 1
            return result
        }

        mutating func list() -> [FakeLDAPFilter]? {
            var filters: [FakeLDAPFilter] = []
            while index < bytes.count, bytes[index] == 0x28 {
                guard let next = filter() else { return nil }
                filters.append(next)
            }
            return filters.isEmpty ? nil : filters
        }

        mutating func item() -> FakeLDAPFilter? {
            let start = index
            while index < bytes.count, bytes[index] != 0x3D, bytes[index] != 0x28, bytes[index] != 0x29 { index += 1 }
            guard index < bytes.count, bytes[index] == 0x3D, index > start else { return nil }
            var attribute = String(decoding: bytes[start..<index], as: UTF8.self)
            index += 1
            var chain = false
            if attribute.hasSuffix(":") {
                let parts = attribute.dropLast().split(separator: ":")
                guard parts.count == 2, parts[1] == "1.2.840.113556.1.4.1941" else { return nil }
                attribute = String(parts[0])
                chain = true
            } else if attribute.hasSuffix("~") || attribute.hasSuffix(">") || attribute.hasSuffix("<") {
                attribute.removeLast()
            }
            guard LDAPFilter.isValidAttributeName(attribute) else { return nil }
            var pieces: [[UInt8]?] = [[]]
            while index < bytes.count, bytes[index] != 0x29 {
                let byte = bytes[index]
                if byte == 0x28 || byte == 0x00 { return nil }
                if byte == 0x2A {
                    pieces.append(nil)
                    pieces.append([])
                    index += 1
                } else if byte == 0x5C {
                    guard index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2])
                    else { return nil }
                    pieces[pieces.count - 1]?.append(high << 4 | low)
                    index += 3
                } else {
                    pieces[pieces.count - 1]?.append(byte)
                    index += 1
                }
            }
            if chain { return pieces.count == 1 ? .inChain(attribute, pieces[0] ?? []) : nil }
            if pieces.count == 1 { return .equal(attribute, pieces[0] ?? []) }
            if pieces.count == 3, pieces[0]?.isEmpty == true, pieces[2]?.isEmpty == true { return .present(attribute) }
            return .substring(attribute, pieces)
        }

        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: byte - 0x30
            case 0x41...0x46: byte - 0x41 + 10
            case 0x61...0x66: byte - 0x61 + 10
            default: nil
            }
        }
    }
}

extension FakeLDAPFilter {
    static let dnValued: Set<String> = ["member", "memberof", "uniquemember", "manager", "distinguishedname"]

    /// The loose matching directories do: case folded, surrounding and repeated spaces ignored.
    static func fold(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).lowercased().split(separator: " ").joined(separator: " ")
    }

    static func same(_ attribute: String, _ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        if dnValued.contains(attribute.lowercased()) {
            return LDAPDistinguishedName.normalize(String(decoding: lhs, as: UTF8.self))
                == LDAPDistinguishedName.normalize(String(decoding: rhs, as: UTF8.self))
        }
        return fold(lhs) == fold(rhs)
    }

    func matches(_ entry: LDAPEntry, chain: (String, [UInt8]) -> Bool) -> Bool {
        switch self {
        case .and(let filters): return filters.allSatisfy { $0.matches(entry, chain: chain) }
        case .or(let filters): return filters.contains { $0.matches(entry, chain: chain) }
        case .not(let filter): return !filter.matches(entry, chain: chain)
        case .present(let attribute):
            return attribute.lowercased().bytesEqual("objectclass") || !entry.values(attribute).isEmpty
        case .equal(let attribute, let value):
            if attribute.lowercased().bytesEqual("distinguishedname") {
                return Self.same(attribute, Array(entry.dn.utf8), value)
            }
            return entry.values(attribute).contains { Self.same(attribute, $0, value) }
        case .inChain(let attribute, let value):
            return chain(attribute, value)
        case .substring(let attribute, let pieces):
            return entry.values(attribute).contains { Self.wildcard(Self.fold($0), pieces.map { $0.map(Self.fold) }) }
        }
    }

    static func wildcard(_ value: String, _ pieces: [String?]) -> Bool {
        let parts = pieces.compactMap { $0 }
        var rest = Substring(value)
        for (offset, part) in parts.enumerated() {
            if offset == 0 {
                guard rest.hasPrefix(part) else { return false }
                rest = rest.dropFirst(part.count)
            } else if offset == parts.count - 1 {
                return rest.hasSuffix(part)
            } else {
                guard let range = rest.range(of: part) else { return false }
                rest = rest[range.upperBound...]
            }
        }
        return true
    }
}
