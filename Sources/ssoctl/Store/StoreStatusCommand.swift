import ArgumentParser
import Foundation
import SsoCore
import SsoPostgres
import SsoSQLite
import SsoStorage
import SsoStoreLocation

/// `ssoctl store status --store URL`: prints `{"ok":true,"schema_version","current_schema_version",
/// "counts":{table: rows},"oldest_pending_login": ISO 8601 or null}`. Needs no secrets key.
struct StoreStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show a store's schema version, rows per table and oldest pending login.")

    @Option(help: "The store: sqlite:PATH or postgres://user:password@host:port/database.") var store: String

    func run() async throws {
        do {
            let status: SsoStoreStatus
            switch try SsoStoreLocation(store) {
            case .sqlite(let path):
                guard FileManager.default.fileExists(atPath: path) else {
                    throw SsoError(.storeUnavailable, "no store file at this path")
                }
                status = try await SsoSQLiteStore.status(path: path)
            case .postgres(let configuration):
                status = try await SsoPostgresStore.status(configuration: configuration)
            }
            CommandOutput.succeed([
                "schema_version": status.schemaVersion, "current_schema_version": status.currentSchemaVersion,
                "counts": status.counts,
                "oldest_pending_login": status.oldestPendingLogin.map { ISO8601DateFormatter().string(from: $0) }
                    ?? NSNull(),
            ])
        } catch let error as SsoError {
            throw CommandOutput.reject(error)
        }
    }
}
