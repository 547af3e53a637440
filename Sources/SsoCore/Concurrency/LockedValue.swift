import Foundation

/// A value guarded by a lock: the shared mutable state of fakes, test clocks and connections.
///
/// Why not `Synchronization.Mutex`: on Linux it waits on a futex directly, which ThreadSanitizer
/// cannot see, so every access through it is reported as a data race. `NSLock` is a pthread
/// mutex, which ThreadSanitizer understands; the suite must run clean under
/// `swift test --sanitize=thread`.
///
/// Keep the critical sections short and never `await` or block inside `body`.
package final class LockedValue<Value> {
    private let lock = NSLock()
    private var value: Value

    /// Creates a lock guarding `value`.
    package init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value and returns its result.
    package func withLock<Result, Failure: Error>(
        _ body: (inout Value) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

// Every access to `value` goes through `lock`, so sharing is safe when the value itself is.
extension LockedValue: @unchecked Sendable where Value: Sendable {}
