import Foundation
import PostgresNIO
import SsoCore
import SsoPostgres
import SsoSQLite
import SsoStorage

/// Where a durable store lives, as command-line tools spell it (`--store`): `sqlite:PATH` (also
/// `sqlite://PATH`) or `postgres://user:password@host:port/database[?sslmode=disable|prefer|require]`.
///
/// Shared by `ssoctl` and `sso-example-server`, so both read the same URLs and the same
/// environment for the secrets key.
public enum SsoStoreLocation: Sendable {
    /// A SQLite file.
    case sqlite(path: String)
    /// A PostgreSQL database.
    case postgres(PostgresClient.Configuration)

    /// Parses a store URL.
    /// - Throws: `store.location_invalid` for anything else, or `sqlite:` without a path.
    public init(_ text: String) throws(SsoError) {
        if text.hasPrefix("sqlite://") {
            self = .sqlite(path: String(text.dropFirst("sqlite://".count)))
        } else if text.hasPrefix("sqlite:") {
            self = .sqlite(path: String(text.dropFirst("sqlite:".count)))
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try SsoPostgresStore.configuration(url: text))
        } else {
            throw SsoError(.storeLocationInvalid, "a store URL is sqlite:PATH or postgres://…")
        }
        if case .sqlite(let path) = self, path.isEmpty {
            throw SsoError(.storeLocationInvalid, "sqlite: needs a file path")
        }
    }

    /// The keyring from `SSO_SECRETS_KEY` (current) and `SSO_SECRETS_KEY_PREVIOUS`
    /// (comma-separated older keys), each 32 bytes of base64.
    /// - Throws: `store.secrets_key_missing` when `SSO_SECRETS_KEY` is unset or empty,
    ///   `store.secrets_key_invalid`.
    public static func keyringFromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(SsoError) -> SsoSecretsKeyring {
        guard let current = environment["SSO_SECRETS_KEY"], !current.isEmpty else {
            throw SsoError(.storeSecretsKeyMissing, "set SSO_SECRETS_KEY to the store's secrets key (32 bytes, base64)")
        }
        let previous = (environment["SSO_SECRETS_KEY_PREVIOUS"] ?? "").split(separator: ",").map(String.init)
            .filter { !$0.isEmpty }
        return try SsoSecretsKeyring(base64Current: current, base64Previous: previous)
    }
}

extension SsoError.Code {
    /// A store URL that is neither `sqlite:PATH` nor `postgres://…`.
    public static let storeLocationInvalid: Self = "store.location_invalid"
}
