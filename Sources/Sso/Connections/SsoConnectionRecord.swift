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
    public var name: String
    public var status: SsoConnectionStatus
    /// Why the status is `error` (the last failed connection test); `nil` otherwise.
    public var statusReason: String?
    /// The claimed domains, normalised, in the order given.
    public var domains: [DomainName]
    /// Whether subdomains of `domains` route here too.
    public var matchSubdomains: Bool
    public var jitProvisioning: Bool
    public var defaultRole: String?
    /// Redirect URIs a login may ask for (exact match).
    public var redirectURIs: [String]
    /// The protocol settings.
    public var settings: SsoConnectionSettings
    public let createdAt: Date
    public var updatedAt: Date

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
