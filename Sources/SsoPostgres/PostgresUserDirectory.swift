import Foundation
import PostgresNIO
import Sso
import SsoCore
import SsoStorage

/// ``SsoUserDirectory`` on PostgreSQL: the unique (connection, issuer, subject) key makes two
/// replicas' concurrent first logins create one user.
struct PostgresUserDirectory: SsoUserDirectory {
    let database: PostgresDatabase

    private static func issuerKey(_ issuer: String?) -> String {
        issuer.map { "=" + $0 } ?? "-"
    }

    func user(connectionID: String, subject: String) async throws -> SsoUser? {
        let logger = database.logger
        let rows = try await database.read { connection in
            try await connection.rows(
                """
                SELECT record FROM sso_users WHERE connection_id = \(connectionID) AND subject = \(subject)
                ORDER BY created_at, id COLLATE "C" LIMIT 1
                """, logger)
        }
        return try rows.first.map(Self.decode)
    }

    func user(connectionID: String, issuer: String, subject: String) async throws -> SsoUser? {
        let logger = database.logger
        let key = Self.issuerKey(issuer)
        let rows = try await database.read { connection in
            try await connection.rows(
                """
                SELECT record FROM sso_users
                WHERE connection_id = \(connectionID) AND issuer_key = \(key) AND subject = \(subject)
                """, logger)
        }
        return try rows.first.map(Self.decode)
    }

    func insertIfAbsent(_ user: SsoUser) async throws -> (user: SsoUser, inserted: Bool) {
        let row = try StoredJSON.encode(user)
        let key = Self.issuerKey(user.issuer)
        let logger = database.logger
        return try await database.write { connection in
            let inserted = try await connection.rows(
                """
                INSERT INTO sso_users (id, organization_id, connection_id, issuer_key, subject, created_at, record)
                VALUES (\(user.id), \(user.organizationID), \(user.connectionID), \(key), \(user.subject),
                        \(user.createdAt.storedSeconds), \(row))
                ON CONFLICT (connection_id, issuer_key, subject) DO NOTHING RETURNING id
                """, logger)
            if !inserted.isEmpty { return (user, true) }
            let existing = try await connection.rows(
                """
                SELECT record FROM sso_users
                WHERE connection_id = \(user.connectionID) AND issuer_key = \(key) AND subject = \(user.subject)
                """, logger)
            guard let found = existing.first else {
                throw SsoError(.storeDuplicateKey, "a user with this id already exists")
            }
            return (try Self.decode(found), false)
        }
    }

    func remove(id: String) async throws {
        let logger = database.logger
        try await database.write { connection in
            _ = try await connection.rows("DELETE FROM sso_users WHERE id = \(id)", logger)
        }
    }

    func users(organizationID: String) async throws -> [SsoUser] {
        let logger = database.logger
        let rows = try await database.read { connection in
            try await connection.rows(
                "SELECT record FROM sso_users WHERE organization_id = \(organizationID) ORDER BY created_at, id COLLATE \"C\"",
                logger)
        }
        return try rows.map(Self.decode)
    }

    private static func decode(_ row: PostgresRow) throws -> SsoUser {
        try StoredJSON.decode(SsoUser.self, from: try row.decode(String.self))
    }
}
