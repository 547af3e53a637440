/// A JSON value, as produced by the library's strict JSON parser (see ``parse(_:limits:)``).
///
/// Objects are dictionaries: the parser has already rejected duplicate member names, so no
/// information an attacker could play with is lost. Numbers are `Double` (JWT numeric dates and
/// all claims this library reads fit exactly).
public enum JSONValue: Sendable, Hashable {
    /// A JSON object: member names to values, names unique (duplicates were rejected).
    case object([String: JSONValue])
    /// A JSON array, elements in document order.
    case array([JSONValue])
    /// A JSON string, escapes decoded.
    case string(String)
    /// A JSON number, as a `Double`.
    case number(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// JSON `null`.
    case null

    /// The member `key` when this is an object, else `nil`.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The members when this is an object.
    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The elements when this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The string when this is a string.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The number when this is a number.
    public var numberValue: Double? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// The Boolean when this is `true` or `false`.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// Whether this is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Parses `bytes` strictly: RFC 8259 JSON within `limits`, no duplicate member names, valid
    /// UTF-8 with no lone surrogate escapes or control characters in strings, no byte-order mark
    /// and nothing but whitespace after the value. Throws the `jose.json.*` codes.
    public static func parse(_ bytes: some Collection<UInt8>, limits: JSONLimits = .default) throws(SsoError)
        -> JSONValue
    {
        try JSONParser.parse(bytes, limits: limits)
    }
}

/// Bounds on the JSON the parser accepts; checked before and during parsing.
public struct JSONLimits: Sendable, Hashable {
    /// Largest document in bytes.
    public var maxBytes: Int
    /// Deepest nesting of arrays and objects (the top-level value is depth 1).
    public var maxDepth: Int

    /// Limits of `maxBytes` bytes (default 64 KiB) and `maxDepth` levels (default 16).
    public init(maxBytes: Int = 64 * 1024, maxDepth: Int = 16) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }

    /// 64 KiB, depth 16.
    public static let `default` = JSONLimits()
}
