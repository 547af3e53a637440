import Foundation
import Sso

extension SsoStoreConformance {
    static let connectionRoundTrip = Check("connections of every protocol round-trip with their secrets") { stores in
        let store = stores.connections
        let organization = Unique.id("org")
        let records = try ConnectionSamples.everyProtocol(organizationID: organization)
        for record in records { try await store.insert(record) }
        for record in records {
            let stored = try await store.connection(id: record.id)
            try Expect.that(stored == record, "the stored \(record.protocol) connection differs from the inserted one")
            try Expect.that(
                stored.map { $0.name.utf8.elementsEqual(record.name.utf8) } == true,
                "the \(record.protocol) connection's name lost its exact bytes")
            try Expect.equal(try await store.route(record.domains[0]), record, "the routed \(record.protocol) record")
        }
        try Expect.equal(try await store.connections(organizationID: organization), records, "the listed connections")
        var updated = records[0]
        updated.status = .inactive
        updated.statusReason = nil
        updated.settings = .oidc(
            OIDCConnectionSettings(
                issuerURL: "https://acme.okta.example/oauth2/default", clientID: "rotated",
                clientSecret: Secret("rotated-\(Unique.hex())")))
        updated.updatedAt = story(600)
        try Expect.that(try await store.replace(updated), "a replace of the OIDC connection")
        try Expect.equal(try await store.connection(id: updated.id), updated, "the replaced OIDC connection")
    }

    static let organizationSettingsRoundTrip = Check("legacy configs and enforcement round-trip") { stores in
        let store = stores.organizations
        let organization = Unique.id("org")
        let first = OrganizationRecords.config(organizationID: organization)
        let second = OrganizationRecords.config(organizationID: organization, createdAt: story(100))
        try Expect.equal(
            try await store.replaceConfig(first, organizationID: organization), nil, "the first config's previous")
        try Expect.equal(try await store.config(organizationID: organization), first, "the stored config")
        try Expect.equal(
            try await store.replaceConfig(second, organizationID: organization), first, "the replaced config")
        try Expect.equal(try await store.config(organizationID: organization), second, "the config after replace")
        try Expect.equal(try await store.replaceConfig(nil, organizationID: organization), second, "the deleted config")
        try Expect.equal(try await store.config(organizationID: organization), nil, "the config after delete")
        try Expect.equal(try await store.replaceConfig(nil, organizationID: organization), nil, "deleting no config")

        try Expect.equal(try await store.enforcement(organizationID: organization), nil, "an unset policy")
        let policy = SsoEnforcement(enforced: true, exemptRoles: ["owner", "break-glass", "Ädmin"])
        try await store.setEnforcement(policy, organizationID: organization)
        try Expect.equal(try await store.enforcement(organizationID: organization), policy, "the stored policy")
        try await store.setEnforcement(SsoEnforcement(), organizationID: organization)
        try Expect.equal(
            try await store.enforcement(organizationID: organization), SsoEnforcement(), "the reset policy")
    }

    static let sessionAndUserRoundTrip = Check("sessions and users round-trip every field") { stores in
        let (organization, connection) = (Unique.id("org"), Unique.id("sso_conn"))
        var session = Records.session(
            organizationID: organization, connectionID: connection, createdAt: story(0), expiresAt: story(28_800))
        session.connectionName = "Entra ID — Zürich"
        session.email = "zoë@acme.example"
        try await stores.sessions.insert(session)
        try Expect.equal(
            try await stores.sessions.session(id: session.id, organizationID: organization), session, "the session")

        let user = Records.user(organizationID: organization, connectionID: connection, subject: "CN=Zoë,OU=Staff")
        try Expect.that(try await stores.users.insertIfAbsent(user).inserted, "a new user")
        try Expect.equal(
            try await stores.users.user(connectionID: connection, issuer: user.issuer ?? "", subject: user.subject),
            user, "the user by issuer")
        try Expect.equal(
            try await stores.users.user(connectionID: connection, subject: user.subject), user, "the user by subject")
        let sparse = SsoUser(
            id: Unique.id("dev"), organizationID: organization, connectionID: connection, subject: "00u\(Unique.hex())",
            email: nil, name: nil, role: nil, provisioned: false, createdAt: story(5),
            issuer: "https://acme.okta.example")
        _ = try await stores.users.insertIfAbsent(sparse)
        try Expect.equal(try await stores.users.users(organizationID: organization), [user, sparse], "the users")
    }
}
