import SQLiteNIO
import SsoCore

/// The versioned schema. Each migration is a list of statements applied in one transaction;
/// `PRAGMA user_version` records how far a file got, so opening applies only what is missing
/// and a file written by a newer build is refused rather than misread.
enum SQLiteSchema {
    /// Migration `n` (1-based) brings the file to version `n`. Append; never edit a shipped one.
    static let migrations: [[String]] = [
        [
            """
            CREATE TABLE sso_secret_keys (key_id TEXT PRIMARY KEY, check_value TEXT NOT NULL)
            """,
            """
            CREATE TABLE sso_connections (
                id TEXT PRIMARY KEY, organization_id TEXT NOT NULL, created_at REAL NOT NULL,
                schema_version INTEGER NOT NULL, record TEXT NOT NULL)
            """,
            "CREATE INDEX sso_connections_by_organization ON sso_connections (organization_id, created_at, id)",
            """
            CREATE TABLE sso_domain_claims (
                domain TEXT PRIMARY KEY,
                connection_id TEXT NOT NULL REFERENCES sso_connections (id) ON DELETE CASCADE,
                include_subdomains INTEGER NOT NULL)
            """,
            "CREATE INDEX sso_domain_claims_by_connection ON sso_domain_claims (connection_id)",
            """
            CREATE TABLE sso_sessions (
                id TEXT PRIMARY KEY, organization_id TEXT NOT NULL, connection_id TEXT NOT NULL,
                created_at REAL NOT NULL, expires_at REAL NOT NULL, revoked_at REAL, record TEXT NOT NULL)
            """,
            "CREATE INDEX sso_sessions_by_organization ON sso_sessions (organization_id, created_at, id)",
            "CREATE INDEX sso_sessions_by_connection ON sso_sessions (connection_id)",
            "CREATE INDEX sso_sessions_by_expiry ON sso_sessions (expires_at)",
            """
            CREATE TABLE sso_users (
                id TEXT PRIMARY KEY, organization_id TEXT NOT NULL, connection_id TEXT NOT NULL,
                issuer_key TEXT NOT NULL, subject TEXT NOT NULL, created_at REAL NOT NULL, record TEXT NOT NULL,
                UNIQUE (connection_id, issuer_key, subject))
            """,
            "CREATE INDEX sso_users_by_subject ON sso_users (connection_id, subject, created_at, id)",
            "CREATE INDEX sso_users_by_organization ON sso_users (organization_id, created_at, id)",
            "CREATE TABLE sso_enforcements (organization_id TEXT PRIMARY KEY, record TEXT NOT NULL)",
            "CREATE TABLE sso_configs (organization_id TEXT PRIMARY KEY, record TEXT NOT NULL)",
            """
            CREATE TABLE sso_login_states (
                key TEXT PRIMARY KEY, grp TEXT NOT NULL, stored_at REAL NOT NULL, expires_at REAL NOT NULL,
                value TEXT NOT NULL)
            """,
            "CREATE INDEX sso_login_states_by_group ON sso_login_states (grp)",
            "CREATE INDEX sso_login_states_by_expiry ON sso_login_states (expires_at)",
            "CREATE TABLE sso_replay (id TEXT PRIMARY KEY, expires_at REAL NOT NULL)",
            "CREATE INDEX sso_replay_by_expiry ON sso_replay (expires_at)",
        ]
    ]

    /// The version this build writes.
    static var currentVersion: Int { migrations.count }

    /// The file's version (0 for a new file).
    static func version(_ connection: SQLiteConnection) async throws -> Int {
        let rows = try await connection.query("PRAGMA user_version")
        return rows.first?.columns.first.flatMap { $0.data.integer }.map { Int($0) } ?? 0
    }

    /// Applies the missing migrations, each in the write transaction the caller holds.
    /// - Throws: `store.schema_too_new` for a file of a newer build.
    static func migrate(_ connection: SQLiteConnection) async throws -> Int {
        let found = try await version(connection)
        guard found <= currentVersion else {
            throw SsoError(
                .storeSchemaTooNew,
                "the SQLite file has schema version \(found); this build knows up to \(currentVersion)")
        }
        for index in found..<currentVersion {
            for statement in migrations[index] { _ = try await connection.query(statement) }
            _ = try await connection.query("PRAGMA user_version = \(index + 1)")
        }
        return currentVersion
    }
}
