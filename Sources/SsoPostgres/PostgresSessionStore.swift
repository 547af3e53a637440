import Foundation
import PostgresNIO
import Sso
import SsoCore
import SsoStorage

/// ``SsoSessionStore`` on PostgreSQL. `revoked_at` lives in its column (the record's own field
/// is taken from it on read), so a revocation is one `UPDATE`.
struct PostgresSessionStore: SsoSessionStore {
    let database: PostgresDatabase

    func insert(_ session: SsoSessionRecord) async throws {
        let row = try StoredJSON.encode(session)
        let logger = database.logger
        let revoked = session.revokedAt?.storedSeconds
        try await database.autocommit { connection in
            let inserted = try await connection.rows(
                PostgresLoginStatements.InsertSession(
                    id: session.id, organizationID: session.organizationID, connectionID: session.connectionID,
                    createdAt: session.createdAt.storedSeconds, expiresAt: session.expiresAt.storedSeconds,
                    revokedAt: revoked, record: row),
                logger)
            guard !inserted.isEmpty else {
                throw SsoError(.storeDuplicateKey, "a session with this id already exists")
            }
        }
    }

    func session(id: String, organizationID: String) async throws -> SsoSessionRecord? {
        let logger = database.logger
        let rows = try await database.autocommit { connection in
            try await connection.rows(
                PostgresLoginStatements.SessionRecord(id: id, organizationID: organizationID), logger)
        }
        return try rows.first.map(Self.decode)
    }

    func sessions(organizationID: String, activeAt now: Date) async throws -> [SsoSessionRecord] {
        let logger = database.logger
        let at = now.storedSeconds
        let rows = try await database.autocommit { connection in
            try await connection.rows(
                """
                SELECT record, revoked_at FROM sso_sessions
                WHERE organization_id = \(organizationID) AND revoked_at IS NULL AND expires_at > \(at)
                ORDER BY created_at, id COLLATE "C"
                """, logger)
        }
        return try rows.map(Self.decode)
    }

    func revoke(id: String, organizationID: String, at now: Date) async throws -> Bool {
        let logger = database.logger
        let at = now.storedSeconds
        return try await database.autocommit { connection in
            !(try await connection.rows(
                """
                UPDATE sso_sessions SET revoked_at = \(at)
                WHERE id = \(id) AND organization_id = \(organizationID) AND revoked_at IS NULL AND expires_at > \(at)
                RETURNING id
                """, logger)).isEmpty
        }
    }

    @discardableResult
    func revokeAll(connectionID: String, at now: Date) async throws -> Int {
        let logger = database.logger
        let at = now.storedSeconds
        return try await database.autocommit { connection in
            try await connection.rows(
                """
                UPDATE sso_sessions SET revoked_at = \(at)
                WHERE connection_id = \(connectionID) AND revoked_at IS NULL AND expires_at > \(at) RETURNING id
                """, logger
            ).count
        }
    }

    @discardableResult
    func purgeInactive(before cutoff: Date, limit: Int) async throws -> Int {
        try await database.purge(
            "sso_sessions", key: "id", where: "expires_at <= $1 OR revoked_at <= $1", [cutoff.storedSeconds],
            limit: limit)
    }

    private static func decode(_ row: PostgresRow) throws -> SsoSessionRecord {
        let (text, revokedAt) = try row.decode((String, Double?).self)
        var record = try StoredJSON.decode(SsoSessionRecord.self, from: text)
        record.revokedAt = revokedAt.map { Date(timeIntervalSinceReferenceDate: $0) }
        return record
    }
}
