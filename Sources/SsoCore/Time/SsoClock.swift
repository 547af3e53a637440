import Foundation

/// The source of the current time. Everything that checks an expiry asks an injected clock.
public protocol SsoClock: Sendable {
    /// The current instant.
    var now: Date { get }
}

/// The system's wall clock.
public struct SystemClock: SsoClock {
    /// The wall clock.
    public init() {}
    /// `Date()`.
    public var now: Date { Date() }
}
