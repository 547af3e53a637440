import SsoCore
import Testing

@Suite struct LockedValueTests {
    @Test func concurrentUpdatesAreNotLost() async {
        let counter = LockedValue(0)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<200 {
                group.addTask { counter.withLock { $0 += 1 } }
            }
        }
        #expect(counter.withLock { $0 } == 200)
    }

    @Test func errorsFromTheBodyPropagateAndReleaseTheLock() {
        struct Refused: Error {}
        let value = LockedValue([1, 2])
        #expect(throws: Refused.self) {
            try value.withLock { (items: inout [Int]) throws(Refused) in
                items.append(3)
                throw Refused()
            }
        }
        // The lock was released (a second call would deadlock otherwise) and the change kept.
        #expect(value.withLock { $0 } == [1, 2, 3])
    }
}
