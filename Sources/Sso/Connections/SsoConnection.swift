import Foundation

/// A connection as the admin API returns it: the reference's `SsoConnection` fields plus the
/// non-secret protocol settings. It has no field for `client_secret`, `bind_password` or
/// `sp_signing_key_pem`, so no
/// encoding, description or dump of it can contain one.
public struct SsoConnection: Sendable, Hashable, Codable, Identifiable {
    /// `sso_conn_…`.
    public var id: String
    public var name: String
    public var `protocol`: SsoProtocol
    public var status: SsoConnectionStatus
    /// Why `status` is `error`; absent otherwise.
    public var statusReason: String?
    /// Claimed domains in canonical ASCII form (`xn--bcher-kva.example`).
    public var domains: [String]
    public var jitProvisioning: Bool
    public var defaultRole: String?
    public var matchSubdomains: Bool
    public var redirectURIs: [String]
    @ISO8601Timestamp public var createdAt: Date
    @ISO8601Timestamp public var updatedAt: Date

    public var issuerURL: String?
    public var clientID: String?
    public var metadataURL: String?
    /// Whether the IdP metadata is stored inline (`metadata_xml`) rather than fetched.
    public var hasInlineMetadata: Bool?
    public var assertionConsumerServiceURL: String?
    public var entityID: String?
    public var attributeMapping: [String: String]?
    public var allowUnsolicited: Bool?
    /// The SP certificate AuthnRequests are signed for (the private key is never returned).
    public var spSigningCertificatePEM: String?
    public var serverURL: String?
    public var tlsMode: SsoLDAPTLSMode?
    public var bindDN: String?
    public var userSearchBase: String?
    public var userAttribute: String?
    public var userFilter: String?
    public var groupSearchBase: String?
    public var groupMode: SsoLDAPGroupMode?
    public var groupMapping: [String: [String]]?
    public var requireGroup: Bool?

    /// The secret-free view of `record`.
    public init(_ record: SsoConnectionRecord) {
        id = record.id
        name = record.name
        self.protocol = record.protocol
        status = record.status
        statusReason = record.statusReason
        domains = record.domains.map(\.ascii)
        jitProvisioning = record.jitProvisioning
        defaultRole = record.defaultRole
        matchSubdomains = record.matchSubdomains
        redirectURIs = record.redirectURIs
        createdAt = record.createdAt
        updatedAt = record.updatedAt
        switch record.settings {
        case .oidc(let oidc):
            issuerURL = oidc.issuerURL
            clientID = oidc.clientID
        case .saml(let saml):
            metadataURL = saml.metadataURL
            hasInlineMetadata = saml.metadataXML != nil
            assertionConsumerServiceURL = saml.assertionConsumerServiceURL
            entityID = saml.entityID
            attributeMapping = saml.attributeMapping
            allowUnsolicited = saml.allowUnsolicited
            spSigningCertificatePEM = saml.spSigningCertificatePEM
        case .ldap(let ldap):
            serverURL = ldap.serverURL
            tlsMode = ldap.tlsMode
            bindDN = ldap.bindDN
            userSearchBase = ldap.userSearchBase
            userAttribute = ldap.userAttribute
            userFilter = ldap.userFilter
            groupSearchBase = ldap.groupSearchBase
            groupMode = ldap.groupMode
            groupMapping = ldap.groupMapping
            requireGroup = ldap.requireGroup
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, name, `protocol`, status, domains
        case statusReason = "status_reason", jitProvisioning = "jit_provisioning", defaultRole = "default_role"
        case matchSubdomains = "match_subdomains", redirectURIs = "redirect_uris"
        case createdAt = "created_at", updatedAt = "updated_at"
        case issuerURL = "issuer_url", clientID = "client_id", metadataURL = "metadata_url"
        case hasInlineMetadata = "has_inline_metadata"
        case assertionConsumerServiceURL = "assertion_consumer_service_url", entityID = "entity_id"
        case attributeMapping = "attribute_mapping", allowUnsolicited = "allow_unsolicited"
        case spSigningCertificatePEM = "sp_signing_certificate_pem"
        case serverURL = "server_url", tlsMode = "tls_mode", bindDN = "bind_dn"
        case userSearchBase = "user_search_base", userAttribute = "user_attribute", userFilter = "user_filter"
        case groupSearchBase = "group_search_base", groupMode = "group_mode", groupMapping = "group_mapping"
        case requireGroup = "require_group"
    }
}

/// The reference's `SsoConnectionList`.
public struct SsoConnectionList: Sendable, Hashable, Codable {
    /// The organization's connections, oldest first.
    public var connections: [SsoConnection]

    public init(connections: [SsoConnection]) {
        self.connections = connections
    }
}
