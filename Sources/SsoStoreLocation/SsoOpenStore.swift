import Logging
import Sso
import SsoCore
import SsoPostgres
import SsoSQLite
import SsoStorage

/// A durable store opened at an ``SsoStoreLocation``: the engine's stores, and how to close them.
public struct SsoOpenStore: Sendable {
    /// The engine's stores.
    public let stores: SsoStores
    private let closer: @Sendable () async -> Void

    /// Opens (creating and migrating as needed) the store at `location`.
    /// - Throws: `store.unavailable`, `store.schema_too_new`, `store.secrets_key_missing`.
    public static func open(
        _ location: SsoStoreLocation, keyring: SsoSecretsKeyring, logger: Logger = .ssoDisabled
    ) async throws(SsoError) -> SsoOpenStore {
        switch location {
        case .sqlite(let path):
            let store = try await SsoSQLiteStore.open(path: path, keyring: keyring, logger: logger)
            return SsoOpenStore(stores: store.stores) { await store.close() }
        case .postgres(let configuration):
            let store = try await SsoPostgresStore.open(configuration: configuration, keyring: keyring, logger: logger)
            return SsoOpenStore(stores: store.stores) { store.close() }
        }
    }

    private init(stores: SsoStores, closer: @escaping @Sendable () async -> Void) {
        self.stores = stores
        self.closer = closer
    }

    /// Closes the store; its stores must not be used afterwards.
    public func close() async { await closer() }
}
