import Foundation
import Sso

extension SsoStoreConformance {
    static let replayOnce = Check("replay insertIfAbsent under 64 concurrent tasks accepts an id once") { stores in
        let cache = stores.replayCache
        let id = Unique.id("_assertion")
        let accepted = try await concurrently(64) { _ in
            try await cache.insertIfAbsent(id, expiresAt: story(600), now: story(0))
        }
        try Expect.equal(accepted.filter { $0 }.count, 1, "concurrent inserts of one id that got true")
        try Expect.equal(
            try await cache.insertIfAbsent(id, expiresAt: story(1_200), now: story(599)), false,
            "an insert before the id expired")
        try Expect.equal(
            try await cache.insertIfAbsent(id, expiresAt: story(1_200), now: story(600)), true,
            "an insert at the instant the id expired")
        try Expect.equal(
            try await cache.insertIfAbsent(id, expiresAt: story(1_800), now: story(601)), false,
            "an insert after the id was accepted again")

        let stem = Unique.id("_assertion")
        let (composed, decomposed) = (stem + "-\u{E9}", stem + "-e\u{301}")
        try Expect.equal(
            try await cache.insertIfAbsent(composed, expiresAt: story(600), now: story(0)), true, "a precomposed é id")
        try Expect.equal(
            try await cache.insertIfAbsent(decomposed, expiresAt: story(600), now: story(0)), true,
            "the same id with a decomposed é (another id by its bytes)")
        try Expect.equal(
            try await cache.insertIfAbsent(composed, expiresAt: story(600), now: story(1)), false,
            "the precomposed é id again")
    }

    static let replayPurge = Check("replay purgeExpired is bounded and keeps live ids") { stores in
        let cache = stores.replayCache
        let expired = (0..<7).map { _ in Unique.id("_assertion") }
        let live = (0..<2).map { _ in Unique.id("_assertion") }
        for id in expired {
            try Expect.that(try await cache.insertIfAbsent(id, expiresAt: at(3_600), now: at(0)), "a fresh id")
        }
        for id in live {
            try Expect.that(try await cache.insertIfAbsent(id, expiresAt: farFuture, now: at(0)), "a fresh id")
        }
        try await Expect.purgesInBatches(limit: 3, "replayCache.purgeExpired") { limit in
            try await cache.purgeExpired(now: purgeTime, limit: limit)
        }
        for id in expired {
            try Expect.that(
                try await cache.insertIfAbsent(id, expiresAt: farFuture, now: at(1)),
                "an expired id was still recorded after the purges")
        }
        for id in live {
            try Expect.equal(
                try await cache.insertIfAbsent(id, expiresAt: farFuture, now: purgeTime), false,
                "a live id after the purges")
        }
    }
}
