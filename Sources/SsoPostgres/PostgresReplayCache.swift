import Foundation
import PostgresNIO
import Sso
import SsoCore
import SsoStorage

/// ``ReplayCache`` on PostgreSQL: one `INSERT … ON CONFLICT` that replaces only an expired row,
/// so an assertion posted to two replicas at once is accepted by one.
struct PostgresReplayCache: ReplayCache {
    let database: PostgresDatabase

    func insertIfAbsent(_ id: String, expiresAt: Date, now: Date) async throws -> Bool {
        let logger = database.logger
        let (at, until) = (now.storedSeconds, expiresAt.storedSeconds)
        return try await database.autocommit { connection in
            !(try await connection.rows(
                PostgresLoginStatements.InsertReplayID(id: id, expiresAt: until, now: at), logger)).isEmpty
        }
    }

    @discardableResult
    func purgeExpired(now: Date, limit: Int) async throws -> Int {
        try await database.purge("sso_replay", key: "id", where: "expires_at <= $1", [now.storedSeconds], limit: limit)
    }
}
