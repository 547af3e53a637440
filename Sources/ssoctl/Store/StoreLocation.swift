import Foundation
import SsoCore
import PostgresNIO
import SsoPostgres
import SsoSQLite
import SsoStorage

/// A `--store` URL: `sqlite:PATH` (also `sqlite://PATH`) or
/// `postgres://user:password@host:port/database[?sslmode=disable|prefer|require]`.
enum StoreLocation {
    case sqlite(path: String)
    case postgres(PostgresClient.Configuration)

    init(_ text: String) throws(SsoError) {
        if text.hasPrefix("sqlite://") {
            self = .sqlite(path: String(text.dropFirst("sqlite://".count)))
        } else if text.hasPrefix("sqlite:") {
            self = .sqlite(path: String(text.dropFirst("sqlite:".count)))
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try SsoPostgresStore.configuration(url: text))
        } else {
            throw SsoError(.cliStoreUnsupported, "a store URL is sqlite:PATH or postgres://…")
        }
        if case .sqlite(let path) = self, path.isEmpty {
            throw SsoError(.cliStoreUnsupported, "sqlite: needs a file path")
        }
    }

    /// The keyring from `SSO_SECRETS_KEY` (current) and `SSO_SECRETS_KEY_PREVIOUS`
    /// (comma-separated older keys), each 32 bytes of base64.
    /// - Throws: `store.secrets_key_missing` when `SSO_SECRETS_KEY` is unset.
    static func keyringFromEnvironment() throws(SsoError) -> SsoSecretsKeyring {
        let environment = ProcessInfo.processInfo.environment
        guard let current = environment["SSO_SECRETS_KEY"], !current.isEmpty else {
            throw SsoError(.storeSecretsKeyMissing, "set SSO_SECRETS_KEY to the store's secrets key (32 bytes, base64)")
        }
        let previous = (environment["SSO_SECRETS_KEY_PREVIOUS"] ?? "").split(separator: ",").map(String.init)
            .filter { !$0.isEmpty }
        return try SsoSecretsKeyring(base64Current: current, base64Previous: previous)
    }
}

extension SsoError.Code {
    /// `ssoctl` was given a store URL it cannot open.
    static let cliStoreUnsupported: Self = "cli.store_unsupported"
}
