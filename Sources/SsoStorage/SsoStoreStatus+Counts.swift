import Foundation

extension SsoStoreStatus {
    /// The tables whose rows a status counts.
    package static let tables = [
        "sso_connections", "sso_domain_claims", "sso_sessions", "sso_users", "sso_enforcements", "sso_configs",
        "sso_login_states", "sso_replay", "sso_secret_keys",
    ]

    /// The status of a store whose schema is at `schemaVersion`: rows per table and the oldest
    /// pending login (none of either before the schema exists).
    package static func read(
        from database: some StoredRowDatabase, schemaVersion: Int, currentSchemaVersion: Int
    ) async throws -> SsoStoreStatus {
        var counts: [String: Int] = [:]
        var oldest: Date?
        if schemaVersion > 0 {
            for table in tables {
                counts[table] = try await value(database, "SELECT count(*) FROM \(table)").flatMap { Int($0) } ?? 0
            }
            oldest = try await value(database, "SELECT min(stored_at) FROM sso_login_states")
                .flatMap { Double($0) }.map { Date(timeIntervalSinceReferenceDate: $0) }
        }
        return SsoStoreStatus(
            schemaVersion: schemaVersion, currentSchemaVersion: currentSchemaVersion, counts: counts,
            oldestPendingLogin: oldest)
    }

    private static func value(_ database: some StoredRowDatabase, _ sql: String) async throws -> String? {
        try await database.rows(sql, []).first?.first ?? nil
    }
}
