import Logging
import PostgresNIO
import SsoStorage

/// The shared store code's view of one PostgreSQL connection: `$N` placeholders, and `FOR UPDATE`
/// on reads the transaction goes on to update (another replica may write those rows meanwhile).
struct PostgresStoredRows: StoredRowDatabase {
    let connection: PostgresConnection
    let logger: Logger

    var lockingRows: String { " FOR UPDATE" }

    func placeholder(_ position: Int) -> String { "$\(position)" }

    func rows(_ sql: String, _ parameters: [StoredParameter]) async throws -> [[String?]] {
        var binds = PostgresBindings(capacity: parameters.count)
        for parameter in parameters {
            switch parameter {
            case .text(let text): binds.append(text)
            case .integer(let number): binds.append(number)
            }
        }
        return try await connection.rows(PostgresQuery(unsafeSQL: sql, binds: binds), logger).map { row in
            try row.map(Self.text)
        }
    }

    /// A column as text: integers and doubles in Swift's exact spelling, text types as they are.
    private static func text(_ cell: PostgresCell) throws -> String? {
        guard cell.bytes != nil else { return nil }
        switch cell.dataType {
        case .int8: return String(try cell.decode(Int64.self))
        case .int4: return String(try cell.decode(Int32.self))
        case .float8: return String(try cell.decode(Double.self))
        default: return try cell.decode(String.self)
        }
    }
}
