import PostgresNIO
import SsoCore

extension PostgresDatabase {
    /// The bounded purge of every expiring table: deletes at most `limit` rows of `table` that
    /// match `condition`, skipping rows another replica's purge has locked, and returns how many
    /// it deleted. One statement, so it needs no transaction of its own.
    ///
    /// `table`, its primary-key column `key` and `condition` are static text, so no value is ever
    /// spliced into the statement: `condition`'s values are the parameters `$1…$n`, bound to `values`.
    func purge(
        _ table: StaticString, key: StaticString, where condition: StaticString,
        _ values: [any PostgresDynamicTypeEncodable], limit: Int
    ) async throws(SsoError) -> Int {
        var binds = PostgresBindings(capacity: values.count + 1)
        for value in values { binds.append(value) }
        binds.append(max(0, limit))
        let query = PostgresQuery(
            unsafeSQL: """
                DELETE FROM \(table) WHERE \(key) IN (
                    SELECT \(key) FROM \(table) WHERE \(condition) LIMIT $\(binds.count) FOR UPDATE SKIP LOCKED)
                RETURNING \(key)
                """, binds: binds)
        let logger = self.logger
        return try await autocommit { connection in try await connection.rows(query, logger).count }
    }
}
