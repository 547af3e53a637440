/// A secret value (client secret, bind password, user password) that never shows itself.
///
/// `description`, `debugDescription`, `dump`, string interpolation and `Encodable` output all
/// print `<redacted>`. Read the value only where it is used, with ``withUnsafeValue(_:)`` or
/// ``unsafeValue``. Equality is checked in constant time.
public struct Secret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String

    /// Wraps `value`.
    public init(_ value: String) {
        self.value = value
    }

    /// The secret itself. The name says it: handle the result with care and do not log it.
    public var unsafeValue: String { value }

    /// Calls `body` with the secret's UTF-8 bytes.
    public func withUnsafeValue<Result>(_ body: (String) throws -> Result) rethrows -> Result {
        try body(value)
    }

    /// Whether the secret is the empty string.
    public var isEmpty: Bool { value.isEmpty }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "Secret(<redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

extension Secret: Equatable {
    public static func == (lhs: Secret, rhs: Secret) -> Bool {
        let left = Array(lhs.value.utf8)
        let right = Array(rhs.value.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? left[index] : 0
            let r = index < right.count ? right[index] : 0
            difference |= l ^ r
        }
        return difference == 0
    }
}

extension Secret: Codable {
    /// Secrets are write-only: decoding reads the value, encoding writes `<redacted>`; with a
    /// ``SecretSealing`` in `userInfo[.ssoSecretSealer]`, encoding seals and decoding opens.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        if let sealer = decoder.userInfo[.ssoSecretSealer] as? any SecretSealing {
            value = try sealer.open(text)
        } else {
            value = text
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let sealer = encoder.userInfo[.ssoSecretSealer] as? any SecretSealing {
            try container.encode(try sealer.seal(value))
        } else {
            try container.encode("<redacted>")
        }
    }
}
