import Foundation

/// A connection as the engine stores it: validated, normalised, secrets included.
///
/// Store implementations persist it; nothing returns it to an API caller (``SsoConnection`` is
/// the secret-free view). Its `description`, `dump` and reflection show secrets as `<redacted>`.
public struct SsoConnectionRecord: Sendable, Equatable {
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
    public var `protocol`: SsoProtocol {
        switch settings {
        case .oidc: .oidc
        case .saml: .saml
        case .ldap: .ldap
        }
    }
}

/// Validated protocol settings of a connection.
public enum SsoConnectionSettings: Sendable, Equatable {
    case oidc(SsoOIDCSettings)
    case saml(SsoSAMLSettings)
    case ldap(SsoLDAPSettings)
}

/// OIDC settings of a connection.
public struct SsoOIDCSettings: Sendable, Equatable {
    /// The issuer URL, as configured (no trailing-slash rewriting: issuers compare exactly).
    public var issuerURL: String
    public var clientID: String
    public var clientSecret: Secret
}

/// SAML settings of a connection. Exactly one of `metadataURL` and `metadataXML` is set.
public struct SsoSAMLSettings: Sendable, Equatable {
    public var metadataURL: String?
    public var metadataXML: String?
    public var assertionConsumerServiceURL: String
    public var entityID: String
    public var attributeMapping: [String: String]
    public var allowUnsolicited: Bool
}

/// LDAP settings of a connection.
public struct SsoLDAPSettings: Sendable, Equatable {
    public var serverURL: String
    public var tlsMode: SsoLDAPTLSMode
    public var caCertificatePEM: String?
    public var bindDN: String
    public var bindPassword: Secret
    public var userSearchBase: String
    public var userAttribute: String
    public var userFilter: String?
    public var groupSearchBase: String?
    public var groupMode: SsoLDAPGroupMode
    public var groupMapping: [String: [String]]
    public var requireGroup: Bool
}
