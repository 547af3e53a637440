import Foundation
import Logging
import SQLiteNIO
import Sso
import SsoCore
import SsoStorage

/// Every engine store in one SQLite file: the embedded default.
///
/// WAL mode, a busy timeout and foreign keys are on; every write is one `BEGIN IMMEDIATE`
/// transaction, so several processes on one machine can share the file. Opening applies the
/// schema migrations it lacks. Connection secrets and the legacy client secret are sealed
/// with the ``/SsoStorage/SsoSecretsKeyring``; opening fails with `store.secrets_key_missing` when the
/// file holds secrets sealed under a key the keyring does not hold.
///
/// ```swift
/// let keyring = try SsoSecretsKeyring(base64Current: secretsKeyFromYourSecretManager)
/// let store = try await SsoSQLiteStore.open(path: "/var/lib/app/sso.sqlite", keyring: keyring)
/// let engine = SsoEngine(stores: store.stores)
/// ```
public final class SsoSQLiteStore: Sendable {
    private let database: SQLiteDatabaseHandle
    private let keyring: SsoSecretsKeyring
    /// The file's path.
    public let path: String

    /// The engine's stores, all backed by this file.
    public var stores: SsoStores {
        SsoStores(
            connections: SQLiteConnectionStore(database: database, keyring: keyring),
            sessions: SQLiteSessionStore(database: database),
            organizations: SQLiteOrganizationStore(database: database, keyring: keyring),
            users: SQLiteUserDirectory(database: database),
            loginStates: SQLitePendingLoginStore(database: database),
            replayCache: SQLiteReplayCache(database: database))
    }

    private init(database: SQLiteDatabaseHandle, keyring: SsoSecretsKeyring, path: String) {
        self.database = database
        self.keyring = keyring
        self.path = path
    }

    /// Opens (creating if needed) the file at `path` and brings its schema up to date.
    /// - Throws: `store.unavailable`, `store.schema_too_new`, `store.secrets_key_missing`.
    public static func open(
        path: String, keyring: SsoSecretsKeyring, logger: Logger = .ssoDisabled
    ) async throws(SsoError) -> SsoSQLiteStore {
        let database = try await SQLiteDatabaseHandle.open(path: path, logger: logger)
        do {
            try await database.write { connection in
                _ = try await SQLiteSchema.migrate(connection)
                try await StoredKeyCheck.verify(keyring, on: SQLiteStoredRows(connection: connection))
            }
        } catch {
            await database.close()
            throw error
        }
        return SsoSQLiteStore(database: database, keyring: keyring, path: path)
    }

    /// Applies missing migrations to the file at `path` without a keyring; returns the version.
    public static func migrate(path: String, logger: Logger = .ssoDisabled) async throws(SsoError)
        -> Int
    {
        try await withDatabase(path, logger) { database throws(SsoError) in
            try await database.write { try await SQLiteSchema.migrate($0) }
        }
    }

    /// The file's schema version, row counts and oldest pending login, without a keyring.
    public static func status(path: String, logger: Logger = .ssoDisabled) async throws(SsoError)
        -> SsoStoreStatus
    {
        try await withDatabase(path, logger) { database throws(SsoError) in
            try await database.read { connection in
                try await SsoStoreStatus.read(
                    from: SQLiteStoredRows(connection: connection),
                    schemaVersion: try await SQLiteSchema.version(connection),
                    currentSchemaVersion: SQLiteSchema.currentVersion)
            }
        }
    }

    /// Re-seals every stored secret with the keyring's current key and forgets the other key
    /// ids; returns how many rows were re-sealed. One transaction: on failure nothing changes.
    public func rotateSecrets() async throws(SsoError) -> Int {
        let keyring = self.keyring
        return try await database.write {
            try await StoredKeyCheck.reseal(with: keyring, on: SQLiteStoredRows(connection: $0))
        }
    }

    private static func withDatabase<T: Sendable>(
        _ path: String, _ logger: Logger, _ body: (SQLiteDatabaseHandle) async throws(SsoError) -> T
    ) async throws(SsoError) -> T {
        let database = try await SQLiteDatabaseHandle.open(path: path, logger: logger)
        do {
            let result = try await body(database)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }

    /// Closes the file; the stores must not be used afterwards.
    public func close() async {
        await database.close()
    }
}
