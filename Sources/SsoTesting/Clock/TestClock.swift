import Foundation
import SsoCore

/// A clock that stands still until moved: for tests and for validating recorded fixtures.
///
/// - Warning: never use it in production; expiry checks then compare against a fixed instant.
public final class TestClock: SsoClock {
    private let current: LockedValue<Date>

    /// Creates a clock stopped at `date`.
    public init(_ date: Date) {
        current = LockedValue(date)
    }

    /// The instant the clock stands at.
    public var now: Date { current.withLock { $0 } }

    /// Moves the clock forward (or back, with a negative interval).
    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// Sets the clock to `date`.
    public func set(_ date: Date) {
        current.withLock { $0 = date }
    }
}
