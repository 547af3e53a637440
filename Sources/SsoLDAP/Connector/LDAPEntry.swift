import Foundation

/// A directory entry as the server returned it.
public struct LDAPEntry: Sendable, Equatable {
    /// The entry's DN exactly as the server sent it.
    public var dn: String
    /// Attribute values by the attribute name the server used. Look up with ``values(_:)``, which
    /// ignores case.
    public var attributes: [String: [[UInt8]]]

    /// Creates an entry from raw values.
    public init(dn: String, attributes: [String: [[UInt8]]] = [:]) {
        self.dn = dn
        self.attributes = attributes
    }

    /// Creates an entry from string values.
    public init(dn: String, stringAttributes: [String: [String]]) {
        self.dn = dn
        self.attributes = stringAttributes.mapValues { $0.map { Array($0.utf8) } }
    }

    /// The raw values of `name` (case-insensitive, options such as `;binary` ignored).
    public func values(_ name: String) -> [[UInt8]] {
        let wanted = name.lowercased()
        var result: [[UInt8]] = []
        for (key, values) in attributes {
            let base = key.split(separator: ";", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            if base == wanted { result += values }
        }
        return result
    }

    /// The values of `name` that are valid UTF-8.
    public func strings(_ name: String) -> [String] {
        values(name).compactMap { String(validating: $0, as: UTF8.self) }
    }

    /// The first UTF-8 value of `name`.
    public func string(_ name: String) -> String? {
        strings(name).first
    }
}
