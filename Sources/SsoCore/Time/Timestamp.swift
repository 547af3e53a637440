import Foundation

/// ISO 8601 / RFC 3339 timestamps as the reference API prints them (`2026-03-29T12:00:00Z`).
package enum Timestamp {
    /// Formats `date` in UTC with second precision and a `Z` suffix.
    package static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// Parses an RFC 3339 timestamp in UTC (`Z`) or with an offset, with optional fractional seconds.
    package static func parse(_ text: String) -> Date? {
        guard text.utf8.count <= 40 else { return nil }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return try? Date(text, strategy: withFraction)
    }
}
