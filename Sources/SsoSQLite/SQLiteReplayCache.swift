import Foundation
import SQLiteNIO
import Sso
import SsoCore
import SsoStorage

/// ``ReplayCache`` on SQLite: one conditional upsert that replaces only an expired row.
struct SQLiteReplayCache: ReplayCache {
    let database: SQLiteDatabaseHandle

    func insertIfAbsent(_ id: String, expiresAt: Date, now: Date) async throws -> Bool {
        try await database.write { connection in
            !(try await connection.query(
                """
                INSERT INTO sso_replay (id, expires_at) VALUES (?1, ?2)
                ON CONFLICT (id) DO UPDATE SET expires_at = ?2 WHERE sso_replay.expires_at <= ?3
                RETURNING id
                """, [.text(id), .float(expiresAt.storedSeconds), .float(now.storedSeconds)])).isEmpty
        }
    }

    @discardableResult
    func purgeExpired(now: Date, limit: Int) async throws -> Int {
        try await database.purge(
            "sso_replay", key: "id", where: "expires_at <= ?1", [.float(now.storedSeconds)], limit: limit)
    }
}
