import Foundation
import Sso

/// Fresh random identifiers, so checks never collide with each other's rows.
enum Unique {
    /// 16 lowercase hex digits.
    static func hex() -> String {
        let digits = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// `prefix_<16 hex>`: ids of one prefix have equal length, so every collation orders them alike.
    static func id(_ prefix: String) -> String { "\(prefix)_\(hex())" }

    /// `c-<16 hex>`: a fresh label to build domains from.
    static func label() -> String { "c-\(hex())" }

    /// `c-<16 hex>.example`, a domain no other check claims.
    static func domain() throws -> DomainName { try DomainName("\(label()).example") }
}

extension SsoStoreConformance {
    /// `baseDate` plus `seconds`.
    static func at(_ seconds: Int) -> Date { baseDate.addingTimeInterval(TimeInterval(seconds)) }

    /// `storyTime` plus `seconds`.
    static func story(_ seconds: Int) -> Date { storyTime.addingTimeInterval(TimeInterval(seconds)) }
}
