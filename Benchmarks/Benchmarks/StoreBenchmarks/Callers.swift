import Benchmark
import Foundation
import SsoCore
import Synchronization

/// Runs one call per caller at once (a task group; a single caller is awaited directly, so the
/// one-caller figure carries no task overhead).
enum Callers {
    static func run(_ count: Int, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        guard count > 1 else { return try await body(0) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for caller in 0..<count { group.addTask { try await body(caller) } }
            try await group.waitForAll()
        }
    }

    /// Calls per second when `count` calls took `elapsed` together.
    static func rate(_ count: Int, _ elapsed: Duration) -> Int {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return seconds > 0 ? Int((Double(count) / seconds).rounded()) : 0
    }
}

extension BenchmarkMetric {
    /// Store operations (or SAML callbacks) per second over all callers of one iteration; the
    /// built-in `throughput` counts iterations, which is this divided by the caller count.
    static let operationsPerSecond = BenchmarkMetric.custom("ops/s", polarity: .prefersLarger, useScalingFactor: false)
    /// Of the callers' time inside the measured callbacks, how much went to awaiting a store, in ‰.
    static let storeShare = BenchmarkMetric.custom("store time ‰", polarity: .prefersSmaller, useScalingFactor: false)
    /// Time awaiting stores per SAML callback, in µs.
    static let storeMicroseconds = BenchmarkMetric.custom(
        "store µs/callback", polarity: .prefersSmaller, useScalingFactor: false)
}

/// What a benchmark's setup made, handed to its closure (each benchmark runs in its own process).
final class Slot<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)

    func set(_ newValue: Value?) { value.withLock { $0 = newValue } }

    func get() throws -> Value {
        guard let current = value.withLock({ $0 }) else { throw BenchmarkFailure("the benchmark's setup did not run") }
        return current
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }

    /// Runs `body`, turning an `SsoError` into a failure that names its code, message and origin.
    static func naming<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as SsoError {
            throw BenchmarkFailure("\(error.code.rawValue): \(error.message) (\(error.file):\(error.line))")
        }
    }
}

/// Unique keys within a run; the process token keeps runs apart on a shared PostgreSQL server.
enum Keys {
    static let process = String(UInt64.random(in: 0...UInt64.max), radix: 36)
    private static let sequence = Atomic<Int>(0)

    static func next() -> Int { sequence.wrappingAdd(1, ordering: .relaxed).oldValue }

    static func unique() -> String { "\(process)-\(next())" }
}
