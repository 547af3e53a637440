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
        let rows = try await database.autocommit { connection in
            try await connection.rows(
                """
                SELECT record FROM sso_users WHERE connection_id = \(connectionID) AND subject = \(subject)
                ORDER BY created_at, id COLLATE "C" LIMIT 1
                """, logger)
        }
        return try rows.first.map(Self.decode)
    }

    func user(connectionID: String, issuer: String, subject: String) async throws -> SsoUser? {
        try await user(connectionID: connectionID, issuerKey: Self.issuerKey(issuer), subject: subject)
    }

    private func user(connectionID: String, issuerKey key: String, subject: String) async throws -> SsoUser? {
        let logger = database.logger
        let rows = try await database.autocommit { connection in
            try await connection.rows(
                PostgresLoginStatements.UserRecord(connectionID: connectionID, issuerKey: key, subject: subject), logger
            )
        }
        return try rows.first.map(Self.decode)
    }

    /// One statement: the insert, or the row that holds the key. A row committed by another
    /// first login after this statement's snapshot conflicts but is not visible to it, so an
    /// empty answer is read again by a second statement.
    func insertIfAbsent(_ user: SsoUser) async throws -> (user: SsoUser, inserted: Bool) {
        let row = try StoredJSON.encode(user)
        let key = Self.issuerKey(user.issuer)
        let logger = database.logger
        let rows = try await database.autocommit { connection in
            try await connection.rows(
                """
                WITH inserted AS (
                    INSERT INTO sso_users (id, organization_id, connection_id, issuer_key, subject, created_at, record)
                    VALUES (\(user.id), \(user.organizationID), \(user.connectionID), \(key), \(user.subject),
                            \(user.createdAt.storedSeconds), \(row))
                    ON CONFLICT (connection_id, issuer_key, subject) DO NOTHING RETURNING id
                )
                SELECT NULL::text, true FROM inserted
                UNION ALL
                SELECT record, false FROM sso_users
                WHERE connection_id = \(user.connectionID) AND issuer_key = \(key) AND subject = \(user.subject)
                """, logger)
        }
        if let first = rows.first {
            let (text, inserted) = try first.decode((String?, Bool).self)
            guard !inserted else { return (user, true) }
            return (try StoredJSON.decode(SsoUser.self, from: text ?? ""), false)
        }
        if let existing = try await self.user(connectionID: user.connectionID, issuerKey: key, subject: user.subject) {
            return (existing, false)
        }
        throw SsoError(.storeDuplicateKey, "a user with this id already exists")
    }

    func remove(id: String) async throws {
        let logger = database.logger
        try await database.autocommit { connection in
            _ = try await connection.rows("DELETE FROM sso_users WHERE id = \(id)", logger)
        }
    }

    func users(organizationID: String) async throws -> [SsoUser] {
        let logger = database.logger
        let rows = try await database.autocommit { connection in
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
