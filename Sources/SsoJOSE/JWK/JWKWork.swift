import Synchronization

/// Counts the public-key work done while reading keys, so tests can show it is bounded by the
/// element counts the limits allow (``JOSELimits/maxKeys`` keys, one `x5c` certificate each)
/// instead of timing it. Nothing is counted unless a test binds ``counter``.
enum JWKWork {
    enum Operation: Sendable, Hashable {
        /// A swift-crypto public key built from JWK members.
        case keyConstruction
        /// An `x5c` certificate decoded from DER.
        case certificateParse
    }

    /// Tallies operations; shared by the tasks of one test.
    final class Counter: Sendable {
        private let counts = Mutex<[Operation: Int]>([:])

        func add(_ operation: Operation) { counts.withLock { $0[operation, default: 0] += 1 } }

        func count(_ operation: Operation) -> Int { counts.withLock { $0[operation, default: 0] } }
    }

    @TaskLocal static var counter: Counter?

    static func record(_ operation: Operation) {
        counter?.add(operation)
    }
}
