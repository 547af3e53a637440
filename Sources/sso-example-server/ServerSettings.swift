import Foundation
import Sso
import SsoAsyncHTTPClient
import SsoCore
import SsoStorage
import SsoStoreLocation

/// Everything the server reads at start, from its options and environment, checked before
/// anything is opened or bound.
struct ServerSettings: Sendable {
    /// Where the state lives when `--store` is not given: a file in the working directory.
    static let defaultStore = "sqlite:sso-example-server.sqlite"
    static let defaultOrganizationID = "org_default"

    var host: String
    var port: Int
    var store: SsoStoreLocation
    var storeDescription: String
    /// The absolute URL this server is reached at (no trailing slash).
    var publicURL: String
    var organizationID: String
    var keyring: SsoSecretsKeyring
    /// The raw secrets key: the cookie key is derived from it, so replicas sharing the key
    /// accept each other's cookies.
    var secretsKey: [UInt8]
    /// `nil` when `SSO_ADMIN_TOKEN` is unset: the admin API and console then refuse every request.
    var adminToken: Secret?
    /// A PEM file of extra CAs the HTTP client trusts (`SSO_EXTRA_CA_FILE`), for test IdPs.
    var extraCAFile: String?

    init(
        host: String, port: Int, store: String?, publicURL: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(SsoError) {
        guard (1...65535).contains(port) else {
            throw SsoError(.serverSettingsInvalid, "--port must be between 1 and 65535")
        }
        self.host = host
        self.port = port
        storeDescription = store ?? Self.defaultStore
        self.store = try SsoStoreLocation(storeDescription)
        if case .postgres = self.store { storeDescription = "postgres (as given)" }
        self.publicURL = try Self.checkedPublicURL(publicURL ?? "http://\(Self.urlHost(host)):\(port)")
        organizationID =
            environment["SSO_ORGANIZATION_ID"].flatMap { $0.isEmpty ? nil : $0 }
            ?? Self.defaultOrganizationID
        guard environment["SSO_SECRETS_KEY"]?.isEmpty == false else {
            throw SsoError(
                .storeSecretsKeyMissing,
                "SSO_SECRETS_KEY is not set: the store is persistent, so it needs a secrets key "
                    + "(32 random bytes, base64, e.g. `openssl rand -base64 32`)")
        }
        keyring = try SsoStoreLocation.keyringFromEnvironment(environment)
        let trimmed = (environment["SSO_SECRETS_KEY"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        secretsKey = Array(Data(base64Encoded: trimmed) ?? Data())
        adminToken = environment["SSO_ADMIN_TOKEN"].flatMap { $0.isEmpty ? nil : Secret($0) }
        extraCAFile = environment["SSO_EXTRA_CA_FILE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Where OIDC IdPs send the browser back.
    var oidcRedirectURI: String { publicURL + "/sso/callback" }
    /// The SAML assertion consumer service (SP-initiated logins).
    var samlACSURL: String { publicURL + "/sso/saml/callback" }

    /// The HTTP client's settings: verification always on, plus the extra CAs of `SSO_EXTRA_CA_FILE`.
    func transportConfiguration() throws(SsoError) -> AsyncHTTPClientTransport.Configuration {
        var configuration = AsyncHTTPClientTransport.Configuration(userAgent: "sso-example-server")
        if let extraCAFile {
            guard let pem = FileManager.default.contents(atPath: extraCAFile) else {
                throw SsoError(.serverSettingsInvalid, "SSO_EXTRA_CA_FILE cannot be read")
            }
            try configuration.addTrustRoots(pem: Array(pem))
        }
        return configuration
    }

    /// `url` without a trailing slash, if it is an absolute http(s) URL without query or fragment.
    static func checkedPublicURL(_ url: String) throws(SsoError) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme.bytesEqual("http") || scheme.bytesEqual("https"), components.host?.isEmpty == false,
            components.query == nil, components.fragment == nil
        else {
            throw SsoError(.serverSettingsInvalid, "--public-url must be an absolute http(s) URL without query")
        }
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    /// `host` as it goes in a URL (IPv6 literals in brackets).
    static func urlHost(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }
}

extension SsoError.Code {
    /// The server was started with options it cannot use.
    static let serverSettingsInvalid: Self = "server.settings_invalid"
}
