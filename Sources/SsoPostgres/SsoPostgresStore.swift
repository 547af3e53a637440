import Foundation
import Logging
import PostgresNIO
import Sso
import SsoCore
import SsoStorage

/// Every engine store in one PostgreSQL database, for several replicas behind a load balancer.
///
/// On postgres-nio's `PostgresClient` (its pool). Opening applies the schema migrations under an
/// advisory lock, so replicas starting together do not race, and checks the keyring like
/// ``/SsoStorage/SsoSecretsKeyring`` requires. Every operation has a deadline: a database that is down or
/// slow is `store.unavailable`, and the pool reconnects by itself when it returns. Nothing is
/// cached: a change made through one replica is what the next read on another sees.
///
/// ```swift
/// let store = try await SsoPostgresStore.open(
///     configuration: .init(host: "db.internal", username: "sso", password: pw, database: "sso", tls: .prefer(tls)),
///     keyring: keyring)
/// let engine = SsoEngine(stores: store.stores)
/// ```
public final class SsoPostgresStore: Sendable {
    private let database: PostgresDatabase
    private let keyring: SsoSecretsKeyring

    /// The engine's stores, all backed by this database.
    public var stores: SsoStores {
        SsoStores(
            connections: PostgresConnectionStore(database: database, keyring: keyring),
            sessions: PostgresSessionStore(database: database),
            organizations: PostgresOrganizationStore(database: database, keyring: keyring),
            users: PostgresUserDirectory(database: database),
            loginStates: PostgresPendingLoginStore(database: database),
            replayCache: PostgresReplayCache(database: database))
    }

    private init(database: PostgresDatabase, keyring: SsoSecretsKeyring) {
        self.database = database
        self.keyring = keyring
    }

    /// Connects, migrates and checks the keyring.
    /// - Parameters:
    ///   - configuration: postgres-nio's client configuration: host, credentials, database, TLS.
    ///   - keyring: the keys connection secrets are sealed with; it must hold every key the
    ///     database's secrets were sealed under, and its current key is recorded.
    ///   - deadline: how long one store operation may take before `store.unavailable`.
    ///   - logger: where the store and the connection pool log; by default nowhere.
    /// - Throws: `store.unavailable`, `store.schema_too_new`, `store.secrets_key_missing`.
    public static func open(
        configuration: PostgresClient.Configuration, keyring: SsoSecretsKeyring, deadline: Duration = .seconds(5),
        logger: Logger = .ssoDisabled
    ) async throws(SsoError) -> SsoPostgresStore {
        let database = PostgresDatabase(configuration: configuration, deadline: deadline, logger: logger)
        do {
            try await database.write { connection in
                _ = try await PostgresSchema.migrate(connection, logger)
                try await StoredKeyCheck.verify(keyring, on: PostgresStoredRows(connection: connection, logger: logger))
            }
        } catch {
            database.close()
            throw error
        }
        return SsoPostgresStore(database: database, keyring: keyring)
    }

    /// Applies missing migrations without a keyring; returns the schema version.
    public static func migrate(
        configuration: PostgresClient.Configuration, deadline: Duration = .seconds(30),
        logger: Logger = .ssoDisabled
    ) async throws(SsoError) -> Int {
        let database = PostgresDatabase(configuration: configuration, deadline: deadline, logger: logger)
        defer { database.close() }
        return try await database.write { try await PostgresSchema.migrate($0, logger) }
    }

    /// The schema version, rows per table and oldest pending login, without a keyring.
    public static func status(
        configuration: PostgresClient.Configuration, deadline: Duration = .seconds(30),
        logger: Logger = .ssoDisabled
    ) async throws(SsoError) -> SsoStoreStatus {
        let database = PostgresDatabase(configuration: configuration, deadline: deadline, logger: logger)
        defer { database.close() }
        return try await database.autocommit { connection in
            try await SsoStoreStatus.read(
                from: PostgresStoredRows(connection: connection, logger: logger),
                schemaVersion: try await PostgresSchema.version(connection, logger),
                currentSchemaVersion: PostgresSchema.currentVersion)
        }
    }

    /// Re-seals every stored secret with the current key and forgets the other key ids, in one
    /// transaction; returns the rows re-sealed.
    public func rotateSecrets() async throws(SsoError) -> Int {
        let (keyring, logger) = (self.keyring, database.logger)
        return try await database.write {
            try await StoredKeyCheck.reseal(with: keyring, on: PostgresStoredRows(connection: $0, logger: logger))
        }
    }

    /// Stops the pool; the stores must not be used afterwards.
    public func close() {
        database.close()
    }
}
