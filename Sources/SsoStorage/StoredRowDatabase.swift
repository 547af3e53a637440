/// A value bound to a statement's placeholder.
package enum StoredParameter: Sendable {
    case text(String)
    case integer(Int)
}

/// The little of a SQL connection that the code every durable store shares (key check, re-seal,
/// status counts) needs, so that code is written once. Each backend adapts its own connection and
/// keeps its dialect in the adapter: shared statements spell placeholders with ``placeholder(_:)``
/// and end row-locking reads with ``lockingRows``, and never splice a value into their text.
package protocol StoredRowDatabase: Sendable {
    /// The placeholder of the parameter at 1-based `position` (`?1` in SQLite, `$1` in PostgreSQL).
    func placeholder(_ position: Int) -> String
    /// What ends a `SELECT` whose rows the transaction goes on to update, keeping other writers off
    /// them; empty where the transaction already holds the database's write lock.
    var lockingRows: String { get }
    /// The rows of `sql` with `parameters` bound to its placeholders in order; each column as text
    /// (a number in Swift's exact spelling, so a `Double` reads back unchanged) or `nil` for `NULL`.
    func rows(_ sql: String, _ parameters: [StoredParameter]) async throws -> [[String?]]
}

extension StoredRowDatabase {
    /// Runs `sql` for its effect.
    package func execute(_ sql: String, _ parameters: [StoredParameter] = []) async throws {
        _ = try await rows(sql, parameters)
    }
}
