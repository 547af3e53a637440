import Foundation

/// Codes a `Date` as the reference's ISO 8601 text (`2026-03-29T12:00:00Z`) whatever the
/// encoder's date strategy, so results serialise exactly like the reference API.
@propertyWrapper
public struct ISO8601Timestamp: Sendable, Hashable, Codable {
    /// The date; it codes as ISO 8601 text in UTC, to the second.
    public var wrappedValue: Date

    /// Wraps `wrappedValue`.
    public init(wrappedValue: Date) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = Timestamp.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 timestamp")
        }
        wrappedValue = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Timestamp.format(wrappedValue))
    }
}
