import PostgresNIO

/// A statement every login or session check runs, as a named prepared statement: postgres-nio
/// prepares it on a pooled connection's first use and reuses it there, so the server parses and
/// plans it once per connection instead of on every call. The rows come back undecoded, for the
/// store that asked.
protocol PostgresLoginStatement: PostgresPreparedStatement where Row == PostgresRow {}

extension PostgresLoginStatement {
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

extension PostgresConnection {
    /// The rows of the prepared `statement`, collected.
    func rows<Statement: PostgresLoginStatement>(_ statement: Statement, _ logger: Logger) async throws
        -> [PostgresRow]
    {
        var rows: [PostgresRow] = []
        for try await row in try await execute(statement, logger: logger) { rows.append(row) }
        return rows
    }
}

/// The prepared statements of the login path. Their parameter types are given, not inferred
/// from the first call's values, so a NULL on that call cannot leave a parameter untyped.
enum PostgresLoginStatements {
    /// A connection's stored record by id (every login reads its connection).
    struct ConnectionRecord: PostgresLoginStatement {
        static let sql = "SELECT record FROM sso_connections WHERE id = $1"
        static let bindingDataTypes: [PostgresDataType] = [.text]
        let id: String

        func makeBindings() -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(id)
            return bindings
        }
    }

    /// Stores a pending login, replacing only an expired entry with the same key.
    struct InsertPendingLogin: PostgresLoginStatement {
        static let sql = """
            INSERT INTO sso_login_states (key, grp, stored_at, expires_at, value) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (key) DO UPDATE SET grp = EXCLUDED.grp, stored_at = EXCLUDED.stored_at,
                expires_at = EXCLUDED.expires_at, value = EXCLUDED.value
            WHERE sso_login_states.expires_at <= $3
            RETURNING key
            """
        static let bindingDataTypes: [PostgresDataType] = [.text, .text, .float8, .float8, .text]
        let key: String
        let group: String
        let storedAt: Double
        let expiresAt: Double
        let value: String

        func makeBindings() -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 5)
            bindings.append(key)
            bindings.append(group)
            bindings.append(storedAt)
            bindings.append(expiresAt)
            bindings.append(value)
            return bindings
        }
    }

    /// Takes a pending login: of two callers with one key, one gets the row.
    struct TakePendingLogin: PostgresLoginStatement {
        static let sql = "DELETE FROM sso_login_states WHERE key = $1 RETURNING expires_at, value"
        static let bindingDataTypes: [PostgresDataType] = [.text]
        let key: String

        func makeBindings() -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(key)
            return bindings
        }
    }

    /// Records a SAML assertion id, replacing only an expired entry; a row back means "first time".
    struct InsertReplayID: PostgresLoginStatement {
        static let sql = """
            INSERT INTO sso_replay (id, expires_at) VALUES ($1, $2)
            ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE sso_replay.expires_at <= $3
            RETURNING id
            """
        static let bindingDataTypes: [PostgresDataType] = [.text, .float8, .float8]
        let id: String
        let expiresAt: Double
        let now: Double

        func makeBindings() -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 3)
            bindings.append(id)
            bindings.append(expiresAt)
            bindings.append(now)
            return bindings
        }
    }

    /// The user linked to (connection, issuer, subject).
    struct UserRecord: PostgresLoginStatement {
        static let sql = "SELECT record FROM sso_users WHERE connection_id = $1 AND issuer_key = $2 AND subject = $3"
        static let bindingDataTypes: [PostgresDataType] = [.text, .text, .text]
        let connectionID: String
        let issuerKey: String
        let subject: String

        func makeBindings() -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 3)
            bindings.append(connectionID)
            bindings.append(issuerKey)
            bindings.append(subject)
            return bindings
        }
    }

    /// A new session; no row back means the id exists.
    struct InsertSession: PostgresLoginStatement {
        static let sql = """
            INSERT INTO sso_sessions (id, organization_id, connection_id, created_at, expires_at, revoked_at, record)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (id) DO NOTHING RETURNING id
            """
        static let bindingDataTypes: [PostgresDataType] = [.text, .text, .text, .float8, .float8, .float8, .text]
        let id: String
        let organizationID: String
        let connectionID: String
        let createdAt: Double
        let expiresAt: Double
        let revokedAt: Double?
        let record: String

        func makeBindings() -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 7)
            bindings.append(id)
            bindings.append(organizationID)
            bindings.append(connectionID)
            bindings.append(createdAt)
            bindings.append(expiresAt)
            bindings.append(revokedAt)
            bindings.append(record)
            return bindings
        }
    }

    /// A session of an organization by id (every request of a signed-in browser checks it).
    struct SessionRecord: PostgresLoginStatement {
        static let sql = "SELECT record, revoked_at FROM sso_sessions WHERE id = $1 AND organization_id = $2"
        static let bindingDataTypes: [PostgresDataType] = [.text, .text]
        let id: String
        let organizationID: String

        func makeBindings() -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 2)
            bindings.append(id)
            bindings.append(organizationID)
            return bindings
        }
    }
}
