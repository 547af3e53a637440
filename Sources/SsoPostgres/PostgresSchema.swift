import Logging
import PostgresNIO
import SsoCore

/// The versioned schema, applied at start inside one transaction that holds an advisory lock,
/// so replicas starting at once apply each migration once.
enum PostgresSchema {
    /// The advisory lock key of migrations ("sso-migr" as bytes).
    static let migrationLock: Int64 = 0x7373_6f2d_6d69_6772

    /// Migration `n` (1-based) brings the schema to version `n`. Append; never edit a shipped one.
    static let migrations: [[String]] = [
        [
            "CREATE TABLE sso_secret_keys (key_id TEXT PRIMARY KEY, check_value TEXT NOT NULL)",
            """
            CREATE TABLE sso_connections (
                id TEXT PRIMARY KEY, organization_id TEXT NOT NULL, created_at DOUBLE PRECISION NOT NULL,
                schema_version INTEGER NOT NULL, record TEXT NOT NULL)
            """,
            "CREATE INDEX sso_connections_by_organization ON sso_connections (organization_id, created_at, id COLLATE \"C\")",
            """
            CREATE TABLE sso_domain_claims (
                domain TEXT PRIMARY KEY,
                connection_id TEXT NOT NULL REFERENCES sso_connections (id) ON DELETE CASCADE,
                include_subdomains BOOLEAN NOT NULL)
            """,
            "CREATE INDEX sso_domain_claims_by_connection ON sso_domain_claims (connection_id)",
            """
            CREATE TABLE sso_sessions (
                id TEXT PRIMARY KEY, organization_id TEXT NOT NULL, connection_id TEXT NOT NULL,
                created_at DOUBLE PRECISION NOT NULL, expires_at DOUBLE PRECISION NOT NULL,
                revoked_at DOUBLE PRECISION, record TEXT NOT NULL)
            """,
            "CREATE INDEX sso_sessions_by_organization ON sso_sessions (organization_id, created_at, id COLLATE \"C\")",
            "CREATE INDEX sso_sessions_by_connection ON sso_sessions (connection_id)",
            "CREATE INDEX sso_sessions_by_expiry ON sso_sessions (expires_at)",
            "CREATE INDEX sso_sessions_by_revocation ON sso_sessions (revoked_at) WHERE revoked_at IS NOT NULL",
            """
            CREATE TABLE sso_users (
                id TEXT PRIMARY KEY, organization_id TEXT NOT NULL, connection_id TEXT NOT NULL,
                issuer_key TEXT NOT NULL, subject TEXT NOT NULL, created_at DOUBLE PRECISION NOT NULL,
                record TEXT NOT NULL, UNIQUE (connection_id, issuer_key, subject))
            """,
            "CREATE INDEX sso_users_by_subject ON sso_users (connection_id, subject, created_at, id COLLATE \"C\")",
            "CREATE INDEX sso_users_by_organization ON sso_users (organization_id, created_at, id COLLATE \"C\")",
            "CREATE TABLE sso_enforcements (organization_id TEXT PRIMARY KEY, record TEXT NOT NULL)",
            "CREATE TABLE sso_configs (organization_id TEXT PRIMARY KEY, record TEXT NOT NULL)",
            """
            CREATE TABLE sso_login_states (
                key TEXT PRIMARY KEY, grp TEXT NOT NULL, stored_at DOUBLE PRECISION NOT NULL,
                expires_at DOUBLE PRECISION NOT NULL, value TEXT NOT NULL)
            """,
            "CREATE INDEX sso_login_states_by_group ON sso_login_states (grp)",
            "CREATE INDEX sso_login_states_by_expiry ON sso_login_states (expires_at)",
            "CREATE TABLE sso_replay (id TEXT PRIMARY KEY, expires_at DOUBLE PRECISION NOT NULL)",
            "CREATE INDEX sso_replay_by_expiry ON sso_replay (expires_at)",
        ]
    ]

    static var currentVersion: Int { migrations.count }

    /// The schema's version (0 when it has none).
    static func version(_ connection: PostgresConnection, _ logger: Logger) async throws -> Int {
        let exists = try await connection.rows("SELECT to_regclass('sso_schema') IS NOT NULL", logger)
        guard try exists.first?.decode(Bool.self) == true else { return 0 }
        let rows = try await connection.rows("SELECT coalesce(max(version), 0) FROM sso_schema", logger)
        return try rows.first.map { Int(try $0.decode(Int32.self)) } ?? 0
    }

    /// Applies the missing migrations under the advisory lock, in the caller's transaction.
    /// - Throws: `store.schema_too_new` for a schema of a newer build.
    static func migrate(_ connection: PostgresConnection, _ logger: Logger) async throws -> Int {
        _ = try await connection.rows("SELECT pg_advisory_xact_lock(\(migrationLock))", logger)
        _ = try await connection.rows("CREATE TABLE IF NOT EXISTS sso_schema (version INTEGER PRIMARY KEY)", logger)
        let found = try await version(connection, logger)
        guard found <= currentVersion else {
            throw SsoError(
                .storeSchemaTooNew, "the database has schema version \(found); this build knows up to \(currentVersion)"
            )
        }
        for index in found..<currentVersion {
            for statement in migrations[index] {
                _ = try await connection.rows(PostgresQuery(unsafeSQL: statement), logger)
            }
            let next = Int32(index + 1)
            _ = try await connection.rows("INSERT INTO sso_schema (version) VALUES (\(next))", logger)
        }
        return currentVersion
    }
}
