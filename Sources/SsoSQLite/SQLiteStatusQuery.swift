import Foundation
import SQLiteNIO
import SsoStorage

/// Reads ``SsoStoreStatus`` from a file.
enum SQLiteStatusQuery {
    static let tables = [
        "sso_connections", "sso_domain_claims", "sso_sessions", "sso_users", "sso_enforcements", "sso_configs",
        "sso_login_states", "sso_replay", "sso_secret_keys",
    ]

    static func read(_ connection: SQLiteConnection) async throws -> SsoStoreStatus {
        let version = try await SQLiteSchema.version(connection)
        var counts: [String: Int] = [:]
        var oldest: Date?
        if version > 0 {
            for table in tables { counts[table] = try await connection.count("SELECT count(*) FROM \(table)", []) }
            let rows = try await connection.query("SELECT min(stored_at) FROM sso_login_states")
            oldest = rows.first?.columns.first?.data.double.map { Date(timeIntervalSinceReferenceDate: $0) }
        }
        return SsoStoreStatus(
            schemaVersion: version, currentSchemaVersion: SQLiteSchema.currentVersion, counts: counts,
            oldestPendingLogin: oldest)
    }
}
