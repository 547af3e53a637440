import Foundation
import PostgresNIO
import SsoCore

extension SsoPostgresStore {
    /// The client configuration of a `postgres://user:password@host:port/database?sslmode=…`
    /// URL (also `postgresql://`). `sslmode` is `disable`, `prefer` (the default) or `require`
    /// (certificates always verified when TLS is used).
    /// - Throws: `store.url_invalid`.
    public static func configuration(url text: String) throws(SsoError) -> PostgresClient.Configuration {
        guard let url = URLComponents(string: text), url.scheme == "postgres" || url.scheme == "postgresql",
            let host = url.host, !host.isEmpty, let user = url.user, !user.isEmpty
        else {
            throw SsoError(.storeURLInvalid, "a PostgreSQL store URL is postgres://user:password@host:port/database")
        }
        let database = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        let tls: PostgresClient.Configuration.TLS
        switch url.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "prefer" {
        case "disable": tls = .disable
        case "prefer": tls = .prefer(.makeClientConfiguration())
        case "require", "verify-full": tls = .require(.makeClientConfiguration())
        default: throw SsoError(.storeURLInvalid, "sslmode is disable, prefer or require")
        }
        return PostgresClient.Configuration(
            host: host, port: url.port ?? 5432, username: user, password: url.password,
            database: database.isEmpty ? user : database, tls: tls)
    }
}

extension SsoError.Code {
    /// A store URL could not be read.
    public static let storeURLInvalid: Self = "store.url_invalid"
}
