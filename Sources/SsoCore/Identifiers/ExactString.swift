/// A `String` that is equal to, and hashes like, another only when their UTF-8 bytes are the same.
///
/// Use it as the key of a dictionary or set of protocol identifiers: `[String: V]` finds `K` under
/// KELVIN SIGN (U+212A) because `String` hashes and compares by canonical equivalence.
public struct ExactString: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The identifier as given.
    public let value: String

    /// Wraps `value`.
    @inlinable
    public init(_ value: String) { self.value = value }

    @inlinable
    public init(stringLiteral value: String) { self.value = value }

    public var description: String { value }

    @inlinable
    public static func == (lhs: ExactString, rhs: ExactString) -> Bool { lhs.value.bytesEqual(rhs.value) }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        var copy = value
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(UInt8(0xFF))  // never in UTF-8: ends the key, so field sequences cannot collide
    }
}
