import Foundation

/// A connection as the engine stores it: validated, normalised, secrets included.
///
/// Store implementations persist it; nothing returns it to an API caller (``SsoConnection`` is
/// the secret-free view). Its `description`, `dump` and reflection show secrets as `<redacted>`.
/// A durable store persists the shared fields and ``settings`` (its `Codable` form) tagged with
/// ``schemaVersion``.
public struct SsoConnectionRecord: Sendable, Equatable {
    /// The version of the stored form of a record and its ``SsoConnectionSettings``.
    public static let schemaVersion = 1

    /// `sso_conn_…`.
    public let id: String
    /// The organization that owns the connection.
    public let organizationID: String
    /// The human-readable name, trimmed, at most 200 bytes.
    public var name: String
    /// `active`, `inactive` (its logins, pending logins and sessions are refused) or `error` (the last
    /// connection test failed; see ``statusReason``).
    public var status: SsoConnectionStatus
    /// Why the status is `error` (the last failed connection test); `nil` otherwise.
    public var statusReason: String?
    /// The claimed domains, normalised, in the order given.
    public var domains: [DomainName]
    /// Whether subdomains of `domains` route here too.
    public var matchSubdomains: Bool
    /// Whether users unknown to the connection are provisioned on their first login (else
    /// `user.not_provisioned`).
    public var jitProvisioning: Bool
    /// The role JIT provisioning gives new users; `nil` when they get none.
    public var defaultRole: String?
    /// Redirect URIs a login may ask for (exact match).
    public var redirectURIs: [String]
    /// The protocol settings.
    public var settings: SsoConnectionSettings
    /// When the connection was created, by the engine's clock.
    public let createdAt: Date
    /// When the connection was last changed (an update, or a connection test that changed its status),
    /// by the engine's clock. Cached SAML metadata is keyed by it.
    public var updatedAt: Date

    /// Creates a record from its parts, as a store rebuilds it; nothing is validated here.
    public init(
        id: String, organizationID: String, name: String, status: SsoConnectionStatus = .active,
        statusReason: String? = nil, domains: [DomainName], matchSubdomains: Bool = false, jitProvisioning: Bool,
        defaultRole: String?, redirectURIs: [String] = [], settings: SsoConnectionSettings, createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
        self.status = status
        self.statusReason = statusReason
        self.domains = domains
        self.matchSubdomains = matchSubdomains
        self.jitProvisioning = jitProvisioning
        self.defaultRole = defaultRole
        self.redirectURIs = redirectURIs
        self.settings = settings
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The protocol of `settings`.
    public var `protocol`: SsoProtocol { settings.protocol }
}
