import Foundation
import SQLiteNIO
import Sso
import SsoCore
import SsoStorage

/// ``SsoSessionStore`` on SQLite: the record's JSON plus the columns its queries filter on.
struct SQLiteSessionStore: SsoSessionStore {
    let database: SQLiteDatabaseHandle

    func insert(_ session: SsoSessionRecord) async throws {
        let row = try StoredJSON.encode(session)
        try await database.write { connection in
            let inserted = try await connection.query(
                """
                INSERT INTO sso_sessions (id, organization_id, connection_id, created_at, expires_at, revoked_at, record)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING id
                """,
                [
                    .text(session.id), .text(session.organizationID), .text(session.connectionID),
                    .float(session.createdAt.storedSeconds), .float(session.expiresAt.storedSeconds),
                    session.revokedAt.map { .float($0.storedSeconds) } ?? .null, .text(row),
                ])
            guard !inserted.isEmpty else {
                throw SsoError(.storeDuplicateKey, "a session with this id already exists")
            }
        }
    }

    func session(id: String, organizationID: String) async throws -> SsoSessionRecord? {
        let rows = try await database.read { connection in
            try await connection.query(
                "SELECT record FROM sso_sessions WHERE id = ? AND organization_id = ?",
                [.text(id), .text(organizationID)])
        }
        return try rows.first.map(Self.decode)
    }

    func sessions(organizationID: String, activeAt now: Date) async throws -> [SsoSessionRecord] {
        let rows = try await database.read { connection in
            try await connection.query(
                """
                SELECT record FROM sso_sessions WHERE organization_id = ? AND revoked_at IS NULL AND expires_at > ?
                ORDER BY created_at, id
                """, [.text(organizationID), .float(now.storedSeconds)])
        }
        return try rows.map(Self.decode)
    }

    func revoke(id: String, organizationID: String, at now: Date) async throws -> Bool {
        try await database.write { connection in
            let rows = try await connection.query(
                """
                SELECT record FROM sso_sessions
                WHERE id = ? AND organization_id = ? AND revoked_at IS NULL AND expires_at > ?
                """, [.text(id), .text(organizationID), .float(now.storedSeconds)])
            guard let row = rows.first else { return false }
            try await Self.markRevoked(try Self.decode(row), at: now, on: connection)
            return true
        }
    }

    @discardableResult
    func revokeAll(connectionID: String, at now: Date) async throws -> Int {
        try await database.write { connection in
            let rows = try await connection.query(
                "SELECT record FROM sso_sessions WHERE connection_id = ? AND revoked_at IS NULL AND expires_at > ?",
                [.text(connectionID), .float(now.storedSeconds)])
            for row in rows { try await Self.markRevoked(try Self.decode(row), at: now, on: connection) }
            return rows.count
        }
    }

    @discardableResult
    func purgeInactive(before cutoff: Date, limit: Int) async throws -> Int {
        try await database.purge(
            "sso_sessions", key: "id", where: "expires_at <= ?1 OR revoked_at <= ?1", [.float(cutoff.storedSeconds)],
            limit: limit)
    }

    private static func markRevoked(_ record: SsoSessionRecord, at now: Date, on connection: SQLiteConnection)
        async throws
    {
        var revoked = record
        revoked.revokedAt = now
        _ = try await connection.query(
            "UPDATE sso_sessions SET revoked_at = ?, record = ? WHERE id = ?",
            [.float(now.storedSeconds), .text(try StoredJSON.encode(revoked)), .text(record.id)])
    }

    private static func decode(_ row: SQLiteRow) throws -> SsoSessionRecord {
        try StoredJSON.decode(SsoSessionRecord.self, from: row.column("record")?.string ?? "")
    }
}
