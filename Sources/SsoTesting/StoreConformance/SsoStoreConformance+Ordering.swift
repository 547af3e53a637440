import Foundation
import Sso

extension SsoStoreConformance {
    static let listingOrder = Check("connections, sessions and users are listed oldest first, ties by id") {
        stores in
        let organization = Unique.id("org")
        let connection = Unique.id("sso_conn")
        // Inserted newest first; the two of +5s have equal createdAt and list in id order.
        let offsets = [10, 5, 5, 0]
        let connections = offsets.map { Records.connection(organizationID: organization, createdAt: story($0)) }
        let sessions = offsets.map {
            Records.session(
                organizationID: organization, connectionID: connection, createdAt: story($0), expiresAt: farFuture)
        }
        let users = offsets.map {
            Records.user(organizationID: organization, connectionID: connection, createdAt: story($0))
        }
        for record in connections { try await stores.connections.insert(record) }
        for record in sessions { try await stores.sessions.insert(record) }
        for record in users { _ = try await stores.users.insertIfAbsent(record) }

        try Expect.equal(
            try await stores.connections.connections(organizationID: organization).map(\.id),
            oldestFirst(connections.map { ($0.createdAt, $0.id) }), "connections(organizationID:)")
        try Expect.equal(
            try await stores.sessions.sessions(organizationID: organization, activeAt: story(20)).map(\.id),
            oldestFirst(sessions.map { ($0.createdAt, $0.id) }), "sessions(organizationID:activeAt:)")
        try Expect.equal(
            try await stores.users.users(organizationID: organization).map(\.id),
            oldestFirst(users.map { ($0.createdAt, $0.id) }), "users(organizationID:)")
    }

    /// The ids sorted by creation, then id (the ids are equal-length lowercase hex, so byte order
    /// and any collation agree).
    private static func oldestFirst(_ rows: [(Date, String)]) -> [String] {
        rows.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.1)
    }
}
