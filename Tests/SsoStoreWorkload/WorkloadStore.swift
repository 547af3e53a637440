import Foundation
import Sso
import SsoPostgres
import SsoSQLite
import SsoStorage

/// The store a workload process opens: `sqlite:PATH` or a `postgres://` URL, with the test
/// keyring from `SSO_SECRETS_KEY`.
struct WorkloadStore {
    let stores: SsoStores
    private let closeStore: @Sendable () async -> Void

    static func open(_ url: String) async throws -> WorkloadStore {
        guard let key = ProcessInfo.processInfo.environment["SSO_SECRETS_KEY"] else {
            throw SsoError(.storeSecretsKeyMissing, "the workload needs SSO_SECRETS_KEY")
        }
        let keyring = try SsoSecretsKeyring(base64Current: key, base64Previous: [])
        if url.hasPrefix("sqlite:") {
            let store = try await SsoSQLiteStore.open(path: String(url.dropFirst("sqlite:".count)), keyring: keyring)
            return WorkloadStore(stores: store.stores) { await store.close() }
        }
        let store = try await SsoPostgresStore.open(
            configuration: try SsoPostgresStore.configuration(url: url), keyring: keyring)
        return WorkloadStore(stores: store.stores) { store.close() }
    }

    func close() async { await closeStore() }
}
