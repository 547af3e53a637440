import Foundation
import SsoCore
import SsoTesting
import Testing

@Suite struct ClockAndStoreTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func testClockAdvances() {
        let clock = TestClock(start)
        clock.advance(by: 90)
        #expect(clock.now == start.addingTimeInterval(90))
        #expect(Timestamp.format(start) == "2027-01-15T08:00:00Z")
        #expect(Timestamp.parse("2027-01-15T08:00:00Z") == start)
        #expect(Timestamp.parse("2027-01-15T08:00:00.500Z") == start.addingTimeInterval(0.5))
        #expect(Timestamp.parse("yesterday") == nil)
    }

    @Test func singleUseStoreGivesAValueOnceAndNotAfterExpiry() async throws {
        let store = InMemorySingleUseStore<String>()
        try await store.insert("v", forKey: "k", expiresAt: start.addingTimeInterval(60), now: start)
        #expect(await store.take("k", now: start) == "v")
        #expect(await store.take("k", now: start) == nil)
        try await store.insert("w", forKey: "e", expiresAt: start.addingTimeInterval(60), now: start)
        #expect(await store.take("e", now: start.addingTimeInterval(61)) == nil)
    }

    @Test func singleUseStoreIsBoundedAndConcurrentTakesWinOnce() async throws {
        let store = InMemorySingleUseStore<Int>(capacity: 2)
        try await store.insert(1, forKey: "a", expiresAt: start.addingTimeInterval(10), now: start)
        try await store.insert(2, forKey: "b", expiresAt: start.addingTimeInterval(10), now: start)
        await #expect(throws: SsoError.self) {
            try await store.insert(3, forKey: "c", expiresAt: start.addingTimeInterval(10), now: start)
        }
        // Once the others expire there is room again.
        try await store.insert(
            3, forKey: "c", expiresAt: start.addingTimeInterval(30), now: start.addingTimeInterval(11))
        let now = start.addingTimeInterval(12)
        let wins = await withTaskGroup(of: Int?.self) { group in
            for _ in 0..<50 { group.addTask { await store.take("c", now: now) } }
            var found = 0
            for await value in group where value != nil { found += 1 }
            return found
        }
        #expect(wins == 1)
    }

    @Test func replayCacheRejectsASecondUseUntilExpiry() async throws {
        let cache = InMemoryReplayCache()
        let expiry = start.addingTimeInterval(300)
        #expect(try await cache.insertIfAbsent("_a1", expiresAt: expiry, now: start))
        #expect(try await !cache.insertIfAbsent("_a1", expiresAt: expiry, now: start.addingTimeInterval(10)))
        #expect(try await cache.insertIfAbsent("_a1", expiresAt: expiry, now: expiry.addingTimeInterval(1)))
    }
}
