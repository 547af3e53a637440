import ArgumentParser
import SsoCore
import SsoPostgres
import SsoSQLite
import SsoStoreLocation

/// `ssoctl store rotate-key --store URL`: re-seals every stored secret with `SSO_SECRETS_KEY`,
/// opening the old ones with the keys in `SSO_SECRETS_KEY_PREVIOUS`; prints
/// `{"ok":true,"key_id":…,"resealed":N}`.
struct StoreRotateKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-key",
        abstract: "Re-seal every stored secret with SSO_SECRETS_KEY (old keys in SSO_SECRETS_KEY_PREVIOUS).")

    @Option(help: "The store: sqlite:PATH or postgres://user:password@host:port/database.") var store: String

    func run() async throws {
        do {
            let keyring = try SsoStoreLocation.keyringFromEnvironment()
            switch try SsoStoreLocation(store) {
            case .sqlite(let path):
                let opened = try await SsoSQLiteStore.open(path: path, keyring: keyring)
                do {
                    let count = try await opened.rotateSecrets()
                    await opened.close()
                    CommandOutput.succeed(["key_id": keyring.currentKeyID, "resealed": count])
                } catch {
                    await opened.close()
                    throw error
                }
            case .postgres(let configuration):
                let opened = try await SsoPostgresStore.open(configuration: configuration, keyring: keyring)
                defer { opened.close() }
                let count = try await opened.rotateSecrets()
                CommandOutput.succeed(["key_id": keyring.currentKeyID, "resealed": count])
            }
        } catch let error as SsoError {
            throw CommandOutput.reject(error)
        }
    }
}
