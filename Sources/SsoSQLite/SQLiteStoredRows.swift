import SQLiteNIO
import SsoStorage

/// The shared store code's view of the SQLite connection: `?N` placeholders, and no row locks
/// (every write transaction holds the file's write lock).
struct SQLiteStoredRows: StoredRowDatabase {
    let connection: SQLiteConnection

    var lockingRows: String { "" }

    func placeholder(_ position: Int) -> String { "?\(position)" }

    func rows(_ sql: String, _ parameters: [StoredParameter]) async throws -> [[String?]] {
        let binds = parameters.map { parameter -> SQLiteData in
            switch parameter {
            case .text(let text): .text(text)
            case .integer(let number): .integer(SQLiteInt64(number))
            }
        }
        return try await connection.query(sql, binds).map { row in row.columns.map(\.data.string) }
    }
}
