import Foundation
import Sso

extension SsoStoreConformance {
    static let singleUseTakeOnce = Check("single-use take under 64 concurrent takers gives the value once") {
        stores in
        let store = stores.loginStates
        for value in [Records.pendingOIDC(), Records.pendingSAML(), Records.pendingOIDC(connectionID: nil)] {
            let key = Unique.id("state")
            try await store.insert(
                value, forKey: key, group: value.connectionID ?? "", expiresAt: story(600), now: story(0))
            let taken = try await concurrently(64) { _ in try await store.take(key, now: story(1)) }.compactMap { $0 }
            try Expect.equal(taken.count, 1, "takers that got the \(value.protocol) value")
            try Expect.equal(taken.first, value, "the taken \(value.protocol) value")
            try Expect.equal(try await store.take(key, now: story(2)), nil, "a take after the value was taken")
        }
    }

    static let singleUseExpiryAndDuplicates = Check("single-use expiry, duplicate keys and expired-key reuse") {
        stores in
        let store = stores.loginStates
        let expiring = Unique.id("state")
        try await store.insert(Records.pendingOIDC(), forKey: expiring, expiresAt: story(60), now: story(0))
        try Expect.equal(try await store.take(expiring, now: story(60)), nil, "a take at the expiry instant")
        try Expect.equal(
            try await store.take(expiring, now: story(1)), nil, "a take before expiry, after an expired take removed it"
        )

        let key = Unique.id("state")
        let first = Records.pendingOIDC()
        try await store.insert(first, forKey: key, expiresAt: story(600), now: story(0))
        try await Expect.error(.storeDuplicateKey, "a second insert of a live key") {
            try await store.insert(Records.pendingSAML(), forKey: key, expiresAt: story(900), now: story(10))
        }
        try Expect.equal(try await store.take(key, now: story(20)), first, "the value after a duplicate insert")

        let reused = Unique.id("state")
        try await store.insert(Records.pendingSAML(), forKey: reused, expiresAt: story(10), now: story(0))
        let second = Records.pendingOIDC()
        try await store.insert(second, forKey: reused, expiresAt: story(600), now: story(10))
        try Expect.equal(try await store.take(reused, now: story(20)), second, "a key reused after it expired")
    }

    static let singleUseGroupsAndPurge = Check("single-use removeAll(group:) and bounded purgeExpired") { stores in
        let store = stores.loginStates
        let (group, other) = (Unique.id("sso_conn"), Unique.id("sso_conn"))
        var kept: [(String, SsoPendingLogin)] = []
        for index in 0..<5 {
            let (key, value) = (Unique.id("state"), Records.pendingOIDC(connectionID: index < 3 ? group : other))
            try await store.insert(
                value, forKey: key, group: value.connectionID ?? "", expiresAt: story(600), now: story(0))
            if index >= 3 { kept.append((key, value)) }
        }
        try Expect.equal(try await store.removeAll(group: group), 3, "entries removeAll(group:) removed")
        try Expect.equal(try await store.removeAll(group: group), 0, "a second removeAll(group:)")

        let expired = (0..<7).map { _ in Unique.id("state") }
        for key in expired {
            try await store.insert(Records.pendingSAML(), forKey: key, group: other, expiresAt: at(3_600), now: at(0))
        }
        for _ in 0..<2 {
            let (key, value) = (Unique.id("state"), Records.pendingSAML(connectionID: other))
            try await store.insert(value, forKey: key, group: other, expiresAt: farFuture, now: at(0))
            kept.append((key, value))
        }
        try await Expect.purgesInBatches(limit: 3, "loginStates.purgeExpired") { limit in
            try await store.purgeExpired(now: purgeTime, limit: limit)
        }
        for key in expired {
            try Expect.equal(try await store.take(key, now: at(1)), nil, "an expired entry after the purges")
        }
        for (key, value) in kept {
            try Expect.equal(try await store.take(key, now: story(1)), value, "a live entry after removeAll and purges")
        }
    }
}
