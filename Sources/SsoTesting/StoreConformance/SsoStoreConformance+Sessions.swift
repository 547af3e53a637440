import Foundation
import Sso

extension SsoStoreConformance {
    static let sessions = Check("sessions are listed while active at now, oldest first; revoke and revokeAll") {
        stores in
        let store = stores.sessions
        let (organization, connection, other) = (Unique.id("org"), Unique.id("sso_conn"), Unique.id("sso_conn"))
        func session(_ connectionID: String, created: Int, expires: Int) -> SsoSessionRecord {
            Records.session(
                organizationID: organization, connectionID: connectionID, createdAt: story(created),
                expiresAt: story(expires))
        }
        let first = session(connection, created: 0, expires: 3_600)
        let otherConnection = session(other, created: 1, expires: 7_200)
        let short = session(connection, created: 5, expires: 35)
        let last = session(connection, created: 10, expires: 7_200)
        for record in [last, short, first, otherConnection] { try await store.insert(record) }
        func listed(at seconds: Int) async throws -> [String] {
            try await store.sessions(organizationID: organization, activeAt: story(seconds)).map(\.id)
        }
        try Expect.equal(
            try await listed(at: 20), [first.id, otherConnection.id, short.id, last.id], "sessions active at +20s")
        try Expect.equal(try await listed(at: 35), [first.id, otherConnection.id, last.id], "sessions active at +35s")
        try Expect.equal(
            try await store.revoke(id: short.id, organizationID: organization, at: story(35)), false,
            "revoking a session at its expiry")

        try Expect.that(
            try await store.revoke(id: first.id, organizationID: organization, at: story(30)), "revoking a session")
        try Expect.equal(
            try await store.revoke(id: first.id, organizationID: organization, at: story(31)), false, "a second revoke")
        var revoked = first
        revoked.revokedAt = story(30)
        try Expect.equal(
            try await store.session(id: first.id, organizationID: organization), revoked, "the revoked session")
        try Expect.equal(try await listed(at: 30), [otherConnection.id, short.id, last.id], "sessions after a revoke")
        try Expect.equal(
            try await store.session(id: short.id, organizationID: organization), short, "an expired session by id")

        try Expect.equal(
            try await store.revokeAll(connectionID: connection, at: story(40)), 1, "sessions revokeAll revoked")
        try Expect.equal(try await listed(at: 40), [otherConnection.id], "sessions after revokeAll")
        try Expect.equal(
            try await store.session(id: last.id, organizationID: organization)?.revokedAt, story(40),
            "revokedAt set by revokeAll")
        try Expect.equal(
            try await store.revokeAll(connectionID: connection, at: story(41)), 0, "a second revokeAll")
        try Expect.equal(try await listed(at: 7_199), [otherConnection.id], "sessions a second before expiry")
        try Expect.equal(try await listed(at: 7_200), [], "sessions at their expiry")
    }

    static let sessionPurge = Check("sessions purgeInactive is bounded and keeps active and later-revoked ones") {
        stores in
        let store = stores.sessions
        let (organization, connection) = (Unique.id("org"), Unique.id("sso_conn"))
        func session(expires: Date) -> SsoSessionRecord {
            Records.session(
                organizationID: organization, connectionID: connection, createdAt: at(0), expiresAt: expires)
        }
        let expired = (0..<5).map { _ in session(expires: at(3_600)) }
        let revokedEarly = (0..<2).map { _ in session(expires: farFuture) }
        let active = session(expires: farFuture)
        let revokedLate = session(expires: farFuture)
        for record in expired + revokedEarly + [active, revokedLate] { try await store.insert(record) }
        for record in revokedEarly {
            try Expect.that(
                try await store.revoke(id: record.id, organizationID: organization, at: at(100)), "a revoke")
        }
        try Expect.that(
            try await store.revoke(id: revokedLate.id, organizationID: organization, at: story(0)), "a later revoke")
        try await Expect.purgesInBatches(limit: 2, "sessions.purgeInactive") { limit in
            try await store.purgeInactive(before: purgeTime, limit: limit)
        }
        for record in expired + revokedEarly {
            try Expect.equal(
                try await store.session(id: record.id, organizationID: organization), nil,
                "a session inactive before the cutoff, after the purges")
        }
        try Expect.equal(
            try await store.session(id: active.id, organizationID: organization), active, "an active session")
        try Expect.equal(
            try await store.session(id: revokedLate.id, organizationID: organization)?.id, revokedLate.id,
            "a session revoked after the cutoff")
    }
}
