import Foundation
import SsoCore
import SsoSQLite
import SsoStorage
import SsoStoreLocation

/// The demo's SQLite file and the store open on it; ``reopen()`` closes it and opens a new one
/// over the same file, as a restarted process would. An actor: the open store changes on reopen.
actor DemoStorage {
    nonisolated let path: String
    private nonisolated let temporaryFolder: URL?
    private let keyring: SsoSecretsKeyring
    private(set) var current: SsoSQLiteStore

    private init(path: String, temporaryFolder: URL?, keyring: SsoSecretsKeyring, current: SsoSQLiteStore) {
        self.path = path
        self.temporaryFolder = temporaryFolder
        self.keyring = keyring
        self.current = current
    }

    /// Opens `sqlite:PATH`, or a file in a new temporary folder. The secrets key is
    /// `SSO_SECRETS_KEY` when set, else a random one for this run.
    static func open(_ location: String?) async throws -> DemoStorage {
        var folder: URL?
        let path: String
        if let location {
            guard case .sqlite(let given) = try SsoStoreLocation(location) else {
                throw DemoError("not a SQLite store")
            }
            path = given
        } else {
            let created = FileManager.default.temporaryDirectory.appending(path: "ssoctl-demo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: created, withIntermediateDirectories: true)
            folder = created
            path = created.appending(path: "sso.sqlite").path
        }
        let keyring =
            ProcessInfo.processInfo.environment["SSO_SECRETS_KEY"] != nil
            ? try SsoStoreLocation.keyringFromEnvironment()
            : try SsoSecretsKeyring(
                current: (0..<SsoSecretsKeyring.keyByteCount).map { _ in UInt8.random(in: 0...255) })
        let store = try await SsoSQLiteStore.open(path: path, keyring: keyring)
        return DemoStorage(path: path, temporaryFolder: folder, keyring: keyring, current: store)
    }

    func reopen() async throws -> SsoSQLiteStore {
        await current.close()
        current = try await SsoSQLiteStore.open(path: path, keyring: keyring)
        return current
    }

    func close() async { await current.close() }

    nonisolated func removeTemporaryFolder() {
        if let temporaryFolder { try? FileManager.default.removeItem(at: temporaryFolder) }
    }
}
