import Foundation
import SQLiteNIO
import Sso
import SsoCore
import SsoStorage

/// ``SsoUserDirectory`` on SQLite: a unique (connection, issuer, subject) key makes two
/// concurrent first logins create one user.
struct SQLiteUserDirectory: SsoUserDirectory {
    let database: SQLiteDatabaseHandle

    /// The issuer column: a record without an issuer must not collide with one whose issuer is
    /// the empty string.
    private static func issuerKey(_ issuer: String?) -> String {
        issuer.map { "=" + $0 } ?? "-"
    }

    func user(connectionID: String, subject: String) async throws -> SsoUser? {
        let rows = try await database.read { connection in
            try await connection.query(
                "SELECT record FROM sso_users WHERE connection_id = ? AND subject = ? ORDER BY created_at, id LIMIT 1",
                [.text(connectionID), .text(subject)])
        }
        return try rows.first.map(Self.decode)
    }

    func user(connectionID: String, issuer: String, subject: String) async throws -> SsoUser? {
        let rows = try await database.read { connection in
            try await connection.query(
                "SELECT record FROM sso_users WHERE connection_id = ? AND issuer_key = ? AND subject = ?",
                [.text(connectionID), .text(Self.issuerKey(issuer)), .text(subject)])
        }
        return try rows.first.map(Self.decode)
    }

    func insertIfAbsent(_ user: SsoUser) async throws -> (user: SsoUser, inserted: Bool) {
        let row = try StoredJSON.encode(user)
        let key = Self.issuerKey(user.issuer)
        return try await database.write { connection in
            let inserted = try await connection.query(
                """
                INSERT INTO sso_users (id, organization_id, connection_id, issuer_key, subject, created_at, record)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (connection_id, issuer_key, subject) DO NOTHING RETURNING id
                """,
                [
                    .text(user.id), .text(user.organizationID), .text(user.connectionID), .text(key),
                    .text(user.subject), .float(user.createdAt.storedSeconds), .text(row),
                ])
            if !inserted.isEmpty { return (user, true) }
            let existing = try await connection.query(
                "SELECT record FROM sso_users WHERE connection_id = ? AND issuer_key = ? AND subject = ?",
                [.text(user.connectionID), .text(key), .text(user.subject)])
            guard let found = existing.first else {
                throw SsoError(.storeDuplicateKey, "a user with this id already exists")
            }
            return (try Self.decode(found), false)
        }
    }

    func remove(id: String) async throws {
        try await database.write { connection in
            _ = try await connection.query("DELETE FROM sso_users WHERE id = ?", [.text(id)])
        }
    }

    func users(organizationID: String) async throws -> [SsoUser] {
        let rows = try await database.read { connection in
            try await connection.query(
                "SELECT record FROM sso_users WHERE organization_id = ? ORDER BY created_at, id",
                [.text(organizationID)])
        }
        return try rows.map(Self.decode)
    }

    private static func decode(_ row: SQLiteRow) throws -> SsoUser {
        try StoredJSON.decode(SsoUser.self, from: row.column("record")?.string ?? "")
    }
}
