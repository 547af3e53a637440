import Foundation
import Sso
import SsoPostgres
import SsoSQLite
import SsoStorage

/// The three stores the benchmarks compare.
enum StoreKind: String, CaseIterable, Sendable {
    case memory = "in-memory"
    case sqlite = "SQLite"
    case postgres = "PostgreSQL"
}

/// One store opened for one benchmark process, and how to close it.
struct OpenStore: Sendable {
    let stores: SsoStores
    let close: @Sendable () async -> Void

    /// A fixed key: a PostgreSQL server shared by the run's processes checks it at every open.
    static func keyring() throws -> SsoSecretsKeyring {
        try SsoSecretsKeyring(current: Array(repeating: 0x5B, count: SsoSecretsKeyring.keyByteCount))
    }

    static func open(_ kind: StoreKind) async throws -> OpenStore {
        switch kind {
        case .memory:
            return OpenStore(stores: SsoStores.inMemory()) {}
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appending(path: "sso-bench-sqlite-\(Keys.process)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let store = try await SsoSQLiteStore.open(
                path: directory.appending(path: "sso.sqlite").path, keyring: try keyring())
            return OpenStore(stores: store.stores) {
                await store.close()
                try? FileManager.default.removeItem(at: directory)
            }
        case .postgres:
            let server = try PostgresFixture.acquire()
            do {
                // The default pool (at most 20 connections), as an application gets it.
                let store = try await SsoPostgresStore.open(
                    configuration: try SsoPostgresStore.configuration(url: server.url), keyring: try keyring(),
                    deadline: .seconds(30))
                return OpenStore(stores: store.stores) {
                    store.close()
                    server.release()
                }
            } catch {
                server.release()
                throw error
            }
        }
    }
}
