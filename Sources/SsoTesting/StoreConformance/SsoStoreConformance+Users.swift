import Foundation
import Sso

extension SsoStoreConformance {
    static let firstLoginCreatesOneUser = Check("64 concurrent first logins of one subject create one user") {
        stores in
        let directory = stores.users
        let (organization, connection) = (Unique.id("org"), Unique.id("sso_conn"))
        let (issuer, subject) = ("https://acme.okta.example", "00u\(Unique.hex())")
        let candidates = (0..<64).map { _ in
            Records.user(organizationID: organization, connectionID: connection, issuer: issuer, subject: subject)
        }
        let results = try await concurrently(64) { index in try await directory.insertIfAbsent(candidates[index]) }
        try Expect.equal(results.filter(\.inserted).count, 1, "concurrent inserts that reported inserted")
        let stored = results[0].user
        try Expect.that(candidates.contains(stored), "the stored user is one of the candidates")
        try Expect.that(results.allSatisfy { $0.user == stored }, "every insert returns the one stored user")
        try Expect.equal(
            try await directory.user(connectionID: connection, issuer: issuer, subject: subject), stored,
            "the user by (connection, issuer, subject)")

        let otherIssuer = Records.user(
            organizationID: organization, connectionID: connection, issuer: "https://login.entra.example/tenant",
            subject: subject, createdAt: story(10))
        let second = try await directory.insertIfAbsent(otherIssuer)
        try Expect.that(second.inserted, "the same subject under another issuer is added")
        try Expect.equal(second.user, otherIssuer, "the user added for the other issuer")
        try Expect.equal(
            try await directory.user(connectionID: connection, issuer: otherIssuer.issuer ?? "", subject: subject),
            otherIssuer, "the user of the other issuer")
        try Expect.equal(
            try await directory.user(connectionID: Unique.id("sso_conn"), issuer: issuer, subject: subject), nil,
            "the subject under another connection")
        try Expect.equal(try await directory.users(organizationID: organization), [stored, otherIssuer], "users")

        try await directory.remove(id: stored.id)
        try Expect.equal(
            try await directory.user(connectionID: connection, issuer: issuer, subject: subject), nil, "a removed user")
        try Expect.equal(try await directory.users(organizationID: organization), [otherIssuer], "users after remove")
        let again = try await directory.insertIfAbsent(candidates[1])
        try Expect.that(again.inserted, "a login after the user was removed adds it again")
    }
}
