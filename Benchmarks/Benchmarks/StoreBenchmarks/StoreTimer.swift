import Foundation
import Synchronization

/// Adds up the time callers spend awaiting store calls: the direct measure of the stores'
/// share of a SAML callback. It counts from the call to its return, so waiting for a pooled
/// connection, the loopback round trip and the server's work are all store time.
final class StoreTimer: Sendable {
    private let nanoseconds = Atomic<Int>(0)
    private let calls = Mutex<[String: Int]>([:])

    func measure<T>(_ label: String, _ body: () async throws -> T) async rethrows -> T {
        let start = ContinuousClock.now
        defer {
            let elapsed = start.duration(to: .now).components
            nanoseconds.add(
                Int(elapsed.seconds) * 1_000_000_000 + Int(elapsed.attoseconds / 1_000_000_000), ordering: .relaxed)
            calls.withLock { $0[label, default: 0] += 1 }
        }
        return try await body()
    }

    func reset() {
        nanoseconds.store(0, ordering: .relaxed)
        calls.withLock { $0 = [:] }
    }

    var totalNanoseconds: Int { nanoseconds.load(ordering: .relaxed) }

    /// Store calls by method since the last reset.
    var callCounts: [String: Int] { calls.withLock { $0 } }
}
