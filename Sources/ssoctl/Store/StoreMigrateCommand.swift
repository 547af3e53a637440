import ArgumentParser
import SsoCore
import SsoPostgres
import SsoSQLite
import SsoStoreLocation

/// `ssoctl store migrate --store URL`: applies missing migrations; prints
/// `{"ok":true,"schema_version":N}` (exit 0) or the rejection object (exit 1).
struct StoreMigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply the schema migrations a store lacks.")

    @Option(help: "The store: sqlite:PATH or postgres://user:password@host:port/database.") var store: String

    func run() async throws {
        do {
            switch try SsoStoreLocation(store) {
            case .sqlite(let path):
                let version = try await SsoSQLiteStore.migrate(path: path)
                CommandOutput.succeed(["schema_version": version])
            case .postgres(let configuration):
                let version = try await SsoPostgresStore.migrate(configuration: configuration)
                CommandOutput.succeed(["schema_version": version])
            }
        } catch {
            throw CommandOutput.reject(error)
        }
    }
}
