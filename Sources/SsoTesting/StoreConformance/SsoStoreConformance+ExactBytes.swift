import Foundation
import Sso

extension SsoStoreConformance {
    static let exactBytes = Check("ids, keys and subjects compare by exact bytes, not case or Unicode equivalence") {
        stores in
        let stem = Unique.hex()
        // Canonically equivalent in Swift (`==`), different bytes; and a case variant.
        let variants = ["x_\(stem)_\u{E9}", "x_\(stem)_e\u{301}", "x_\(stem)_\u{C9}"]

        for (index, id) in variants.enumerated() {
            let record = Records.connection(id: id, organizationID: "org_" + id, createdAt: story(index))
            try await stores.connections.insert(record)
        }
        for (index, id) in variants.enumerated() {
            let stored = try await stores.connections.connection(id: id)
            try Expect.that(stored?.id.utf8.elementsEqual(id.utf8) == true, "connection(id:) of variant \(index)")
            try Expect.equal(stored?.createdAt, story(index), "the connection of variant \(index)")
            let listed = try await stores.connections.connections(organizationID: "org_" + id)
            try Expect.that(
                listed.count == 1 && listed[0].organizationID.utf8.elementsEqual("org_\(id)".utf8),
                "connections(organizationID:) of organization variant \(index) lists \(listed.count)")

            let session = Records.session(
                id: "s_" + id, organizationID: "org_" + id, connectionID: id, createdAt: story(index),
                expiresAt: farFuture)
            try await stores.sessions.insert(session)
        }
        for (index, id) in variants.enumerated() {
            let sessions = try await stores.sessions.sessions(organizationID: "org_" + id, activeAt: story(10))
            try Expect.that(
                sessions.count == 1 && sessions[0].id.utf8.elementsEqual("s_\(id)".utf8),
                "sessions of organization variant \(index)")
        }

        let connection = Unique.id("sso_conn")
        let subjects = variants.map {
            Records.user(organizationID: Unique.id("org"), connectionID: connection, subject: $0)
        }
        for user in subjects {
            try Expect.that(
                try await stores.users.insertIfAbsent(user).inserted, "a user whose subject differs by bytes")
        }
        for user in subjects {
            let stored = try await stores.users.user(
                connectionID: connection, issuer: user.issuer ?? "", subject: user.subject)
            try Expect.that(stored?.id.utf8.elementsEqual(user.id.utf8) == true, "the user of a subject variant")
        }

        let values = variants.map { _ in Records.pendingSAML() }
        for (key, value) in zip(variants, values) {
            try await stores.loginStates.insert(value, forKey: key, group: key, expiresAt: story(600), now: story(0))
        }
        try Expect.equal(
            try await stores.loginStates.removeAll(group: variants[2]), 1, "removeAll of one group variant")
        for (index, (key, value)) in zip(variants, values).enumerated() {
            try Expect.equal(
                try await stores.loginStates.take(key, now: story(1)), index == 2 ? nil : value,
                "the login state under key variant \(index)")
        }
    }
}
