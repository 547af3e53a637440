import Foundation
import PostgresNIO
import Sso
import SsoCore
import SsoStorage

/// ``SingleUseStore`` of pending logins on PostgreSQL: `take` is one `DELETE … RETURNING`, so of
/// two replicas given the same `state` at once, one gets the login.
struct PostgresPendingLoginStore: SingleUseStore {
    typealias Value = SsoPendingLogin
    let database: PostgresDatabase

    func insert(_ value: SsoPendingLogin, forKey key: String, group: String, expiresAt: Date, now: Date) async throws {
        let row = try StoredJSON.encode(value)
        let logger = database.logger
        let (at, until) = (now.storedSeconds, expiresAt.storedSeconds)
        try await database.autocommit { connection in
            let inserted = try await connection.rows(
                PostgresLoginStatements.InsertPendingLogin(
                    key: key, group: group, storedAt: at, expiresAt: until, value: row),
                logger)
            guard !inserted.isEmpty else {
                throw SsoError(.storeDuplicateKey, "an entry with this key already exists")
            }
        }
    }

    func take(_ key: String, now: Date) async throws -> SsoPendingLogin? {
        let logger = database.logger
        let rows = try await database.autocommit { connection in
            try await connection.rows(PostgresLoginStatements.TakePendingLogin(key: key), logger)
        }
        guard let row = rows.first else { return nil }
        let (expiresAt, value) = try row.decode((Double, String).self)
        guard expiresAt > now.storedSeconds else { return nil }
        return try StoredJSON.decode(SsoPendingLogin.self, from: value)
    }

    @discardableResult
    func removeAll(group: String) async throws -> Int {
        let logger = database.logger
        return try await database.autocommit { connection in
            try await connection.rows("DELETE FROM sso_login_states WHERE grp = \(group) RETURNING key", logger).count
        }
    }

    @discardableResult
    func purgeExpired(now: Date, limit: Int) async throws -> Int {
        try await database.purge(
            "sso_login_states", key: "key", where: "expires_at <= $1", [now.storedSeconds], limit: limit)
    }
}
