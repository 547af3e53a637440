import Foundation
import SsoCore
import Testing

@Suite("Exact identifier comparison")
struct ExactStringTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    /// Pairs Swift's `==` calls equal (canonical equivalence) that are different identifiers.
    static let canonicalPairs: [(String, String)] = [
        ("state-K", "state-\u{212A}"),  // KELVIN SIGN
        ("caf\u{E9}", "cafe\u{301}"),  // NFC / NFD
        ("a\u{3B}b", "a\u{37E}b"),  // GREEK QUESTION MARK is canonically ";"
        ("\u{C5}", "\u{212B}"),  // ANGSTROM SIGN
    ]

    @Test("bytesEqual, containsBytes and ExactString tell canonical equivalents apart")
    func helpers() {
        for (lhs, rhs) in Self.canonicalPairs {
            #expect(lhs == rhs, "the pair must be == in Swift for the test to mean anything")
            #expect(!lhs.bytesEqual(rhs))
            #expect(lhs.bytesEqual(String(lhs)))
            #expect(![lhs].containsBytes(of: rhs))
            #expect([lhs].containsBytes(of: lhs))
            #expect(ExactString(lhs) != ExactString(rhs))
            #expect(Set([ExactString(lhs), ExactString(rhs)]).count == 2)
            #expect(Optional(lhs).bytesEqual(rhs) == false)
        }
        #expect(Optional<String>.none.bytesEqual(Optional<String>.none))
        #expect(!Optional<String>.none.bytesEqual("x"))
        #expect("abc".bytesHavePrefix("ab"))
        #expect(!"\u{212A}x".bytesHavePrefix("K"))
    }

    @Test("a pending login is taken only by its exact key")
    func singleUseStore() async throws {
        for (lhs, rhs) in Self.canonicalPairs {
            let store = InMemorySingleUseStore<String>()
            try await store.insert("value", forKey: lhs, expiresAt: Self.now.addingTimeInterval(60), now: Self.now)
            #expect(await store.take(rhs, now: Self.now) == nil)
            #expect(await store.take(lhs, now: Self.now) == "value")
        }
    }

    @Test("replay ids are distinct when their bytes are")
    func replayCache() async throws {
        for (lhs, rhs) in Self.canonicalPairs {
            let cache = InMemoryReplayCache()
            #expect(try await cache.insertIfAbsent(lhs, expiresAt: Self.now.addingTimeInterval(60), now: Self.now))
            #expect(try await cache.insertIfAbsent(rhs, expiresAt: Self.now.addingTimeInterval(60), now: Self.now))
            #expect(try await !cache.insertIfAbsent(lhs, expiresAt: Self.now.addingTimeInterval(60), now: Self.now))
        }
    }
}
