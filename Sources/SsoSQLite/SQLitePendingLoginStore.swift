import Foundation
import SQLiteNIO
import Sso
import SsoCore
import SsoStorage

/// ``SingleUseStore`` of pending logins on SQLite: `take` is one `DELETE … RETURNING`.
struct SQLitePendingLoginStore: SingleUseStore {
    typealias Value = SsoPendingLogin
    let database: SQLiteDatabaseHandle

    func insert(_ value: SsoPendingLogin, forKey key: String, group: String, expiresAt: Date, now: Date) async throws {
        let row = try StoredJSON.encode(value)
        try await database.write { connection in
            let inserted = try await connection.query(
                """
                INSERT INTO sso_login_states (key, grp, stored_at, expires_at, value) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (key) DO UPDATE SET grp = ?2, stored_at = ?3, expires_at = ?4, value = ?5
                WHERE sso_login_states.expires_at <= ?3
                RETURNING key
                """,
                [.text(key), .text(group), .float(now.storedSeconds), .float(expiresAt.storedSeconds), .text(row)])
            guard !inserted.isEmpty else {
                throw SsoError(.storeDuplicateKey, "an entry with this key already exists")
            }
        }
    }

    func take(_ key: String, now: Date) async throws -> SsoPendingLogin? {
        let rows = try await database.write { connection in
            try await connection.query(
                "DELETE FROM sso_login_states WHERE key = ? RETURNING expires_at, value", [.text(key)])
        }
        guard let row = rows.first, let expiresAt = row.column("expires_at")?.double, expiresAt > now.storedSeconds
        else { return nil }
        return try StoredJSON.decode(SsoPendingLogin.self, from: row.column("value")?.string ?? "")
    }

    @discardableResult
    func removeAll(group: String) async throws -> Int {
        try await database.write { connection in
            try await connection.query("DELETE FROM sso_login_states WHERE grp = ? RETURNING key", [.text(group)]).count
        }
    }

    @discardableResult
    func purgeExpired(now: Date, limit: Int) async throws -> Int {
        try await database.purge(
            "sso_login_states", key: "key", where: "expires_at <= ?1", [.float(now.storedSeconds)], limit: limit)
    }
}
