import Foundation
import Sso

extension SsoStoreConformance {
    static let failedOperationsChangeNothing = Check("a failed operation changes nothing") { stores in
        let store = stores.connections
        let organization = Unique.id("org")
        let (first, second) = (
            Records.connection(organizationID: organization, domains: [try Unique.domain()], createdAt: story(0)),
            Records.connection(organizationID: organization, domains: [try Unique.domain()], createdAt: story(1))
        )
        try await store.insert(first)
        try await store.insert(second)
        let snapshot = try await ConnectionSnapshot(store, organizationID: organization, records: [first, second])
        func unchanged(after what: String) async throws {
            let now = try await ConnectionSnapshot(store, organizationID: organization, records: [first, second])
            try Expect.that(now == snapshot, "the connections changed after \(what)")
        }

        let elsewhere = Unique.id("org")
        let duplicate = Records.connection(
            id: first.id, organizationID: elsewhere, domains: [try Unique.domain()], createdAt: story(2))
        try await Expect.error(.storeDuplicateKey, "an insert with a taken connection id") {
            try await store.insert(duplicate)
        }
        try await unchanged(after: "a duplicate connection id")
        try Expect.equal(try await store.route(duplicate.domains[0]), nil, "the duplicate's domain")
        try Expect.equal(try await store.connections(organizationID: elsewhere), [], "the duplicate's organization")

        let overLimit = Records.connection(organizationID: organization, domains: [try Unique.domain()])
        try await Expect.error(.connectionLimitReached, "an insert over the limit") {
            try await store.insert(overLimit, limitPerOrganization: 2)
        }
        try await unchanged(after: "an insert over the limit")
        try Expect.equal(try await store.connection(id: overLimit.id), nil, "the over-limit connection")
        try Expect.equal(try await store.route(overLimit.domains[0]), nil, "the over-limit connection's domain")

        var conflicting = second
        conflicting.domains = [try Unique.domain(), first.domains[0]]
        try await Expect.error(.routingDomainConflict, "a replace onto a sibling's domain") {
            _ = try await store.replace(conflicting)
        }
        try await unchanged(after: "a conflicting replace")
        try Expect.equal(try await store.route(conflicting.domains[0]), nil, "the conflicting replace's new domain")

        let unknown = Records.connection(organizationID: organization, domains: [try Unique.domain()])
        try Expect.equal(try await store.replace(unknown), false, "a replace of an unknown connection")
        try await unchanged(after: "a replace of an unknown connection")
        try Expect.equal(try await store.connection(id: unknown.id), nil, "a replace must not insert")
        try Expect.equal(try await store.route(unknown.domains[0]), nil, "the unknown replace's domain")

        let session = Records.session(
            organizationID: organization, connectionID: first.id, createdAt: story(0), expiresAt: farFuture)
        try await stores.sessions.insert(session)
        var impostor = Records.session(
            organizationID: Unique.id("org"), connectionID: second.id, createdAt: story(5), expiresAt: farFuture)
        impostor.id = session.id
        try await Expect.error(.storeDuplicateKey, "an insert with a taken session id") {
            try await stores.sessions.insert(impostor)
        }
        try Expect.equal(
            try await stores.sessions.session(id: session.id, organizationID: organization), session,
            "the session after a duplicate insert")
        try Expect.equal(
            try await stores.sessions.session(id: session.id, organizationID: impostor.organizationID), nil,
            "the duplicate session's organization")
    }
}

/// What the connection store shows of some records: the organization's list, each by id, and
/// the route of each domain.
struct ConnectionSnapshot: Equatable {
    let listed: [SsoConnectionRecord]
    let byID: [SsoConnectionRecord?]
    let routes: [String?]

    init(_ store: any SsoConnectionStore, organizationID: String, records: [SsoConnectionRecord]) async throws {
        listed = try await store.connections(organizationID: organizationID)
        var byID: [SsoConnectionRecord?] = []
        var routes: [String?] = []
        for record in records {
            byID.append(try await store.connection(id: record.id))
            for domain in record.domains { routes.append(try await store.route(domain)?.id) }
        }
        self.byID = byID
        self.routes = routes
    }
}
