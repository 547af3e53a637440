import Foundation
import Sso

extension SsoStoreConformance {
    static let organizationIsolation = Check("another organization's rows are invisible through every read") {
        stores in
        let (owner, intruder) = (Unique.id("org"), Unique.id("org"))
        let connection = Records.connection(organizationID: owner, domains: [try Unique.domain()])
        try await stores.connections.insert(connection)
        let session = Records.session(
            organizationID: owner, connectionID: connection.id, createdAt: story(0), expiresAt: farFuture)
        try await stores.sessions.insert(session)
        let user = Records.user(organizationID: owner, connectionID: connection.id)
        _ = try await stores.users.insertIfAbsent(user)
        let enforcement = SsoEnforcement(enforced: true, exemptRoles: ["owner"])
        try await stores.organizations.setEnforcement(enforcement, organizationID: owner)
        let config = OrganizationRecords.config(organizationID: owner)
        try await stores.organizations.replaceConfig(config, organizationID: owner)

        try Expect.equal(try await stores.connections.connections(organizationID: intruder), [], "connections(B)")
        try Expect.equal(
            try await stores.connections.remove(id: connection.id, organizationID: intruder), nil, "remove(A's, B)")
        let moved = SsoConnectionRecord(
            id: connection.id, organizationID: intruder, name: "Hijacked", domains: [try Unique.domain()],
            jitProvisioning: false, defaultRole: nil, settings: connection.settings, createdAt: story(0),
            updatedAt: story(1))
        try Expect.equal(try await stores.connections.replace(moved), false, "replace of A's connection under B")
        try Expect.equal(try await stores.connections.route(moved.domains[0]), nil, "the domain of the refused replace")
        try Expect.equal(try await stores.connections.connection(id: connection.id), connection, "A's connection")
        try Expect.equal(try await stores.connections.connections(organizationID: intruder), [], "connections(B) after")

        try Expect.equal(try await stores.sessions.session(id: session.id, organizationID: intruder), nil, "session(B)")
        try Expect.equal(
            try await stores.sessions.sessions(organizationID: intruder, activeAt: story(1)), [], "sessions(B)")
        try Expect.equal(
            try await stores.sessions.revoke(id: session.id, organizationID: intruder, at: story(1)), false,
            "revoke(A's, B)")
        try Expect.equal(
            try await stores.sessions.session(id: session.id, organizationID: owner), session,
            "A's session after B's revoke")

        try Expect.equal(try await stores.users.users(organizationID: intruder), [], "users(B)")
        try Expect.equal(
            try await stores.organizations.enforcement(organizationID: intruder), nil, "enforcement(B)")
        try Expect.equal(try await stores.organizations.config(organizationID: intruder), nil, "config(B)")
        try Expect.equal(
            try await stores.organizations.replaceConfig(nil, organizationID: intruder), nil, "deleting B's config")
        try await stores.organizations.setEnforcement(SsoEnforcement(), organizationID: intruder)

        try Expect.equal(try await stores.users.users(organizationID: owner), [user], "A's users")
        try Expect.equal(try await stores.organizations.enforcement(organizationID: owner), enforcement, "A's policy")
        try Expect.equal(try await stores.organizations.config(organizationID: owner), config, "A's config")
    }
}
