import SQLiteNIO
import SsoCore

extension SQLiteDatabaseHandle {
    /// The bounded purge of every expiring table: deletes at most `limit` rows of `table` that
    /// match `condition`, in one write transaction, and returns how many it deleted.
    ///
    /// `table`, its primary-key column `key` and `condition` are static text, so no value is ever
    /// spliced into the statement: `condition`'s values are the numbered parameters `?1…?n`,
    /// bound to `binds`.
    func purge(
        _ table: StaticString, key: StaticString, where condition: StaticString, _ binds: [SQLiteData], limit: Int
    ) async throws(SsoError) -> Int {
        let sql = """
            DELETE FROM \(table) WHERE \(key) IN (SELECT \(key) FROM \(table) WHERE \(condition) LIMIT ?\(binds.count + 1))
            RETURNING \(key)
            """
        let parameters = binds + [.integer(max(0, limit))]
        return try await write { connection in try await connection.query(sql, parameters).count }
    }
}
