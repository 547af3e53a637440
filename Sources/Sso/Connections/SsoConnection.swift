import Foundation

/// A connection as the admin API returns it: the reference's `SsoConnection` fields plus the
/// non-secret protocol settings. It holds no `client_secret`, `bind_password` or
/// `sp_signing_key_pem`, so no encoding, description or dump of it can contain one.
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
    /// The non-secret protocol fields, in their flat form.
    private var fields: ReferenceConnectionJSON

    public var issuerURL: String? { fields.issuerURL }
    public var clientID: String? { fields.clientID }
    public var metadataURL: String? { fields.metadataURL }
    /// Whether the IdP metadata is stored inline (`metadata_xml`) rather than fetched.
    public var hasInlineMetadata: Bool? { fields.hasInlineMetadata }
    public var assertionConsumerServiceURL: String? { fields.assertionConsumerServiceURL }
    public var entityID: String? { fields.entityID }
    public var attributeMapping: [String: String]? { fields.attributeMapping }
    public var allowUnsolicited: Bool? { fields.allowUnsolicited }
    /// The SP certificate AuthnRequests are signed for (the private key is never returned).
    public var spSigningCertificatePEM: String? { fields.spSigningCertificatePEM }
    public var serverURL: String? { fields.serverURL }
    public var tlsMode: SsoLDAPTLSMode? { fields.tlsMode }
    public var bindDN: String? { fields.bindDN }
    public var userSearchBase: String? { fields.userSearchBase }
    public var userAttribute: String? { fields.userAttribute }
    public var userFilter: String? { fields.userFilter }
    public var groupSearchBase: String? { fields.groupSearchBase }
    public var groupMode: SsoLDAPGroupMode? { fields.groupMode }
    public var groupMapping: [String: [String]]? { fields.groupMapping }
    public var requireGroup: Bool? { fields.requireGroup }

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
        fields = ReferenceConnectionJSON(settings: record.settings, form: .view)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(updatedAt)
    }
}

extension SsoConnection {
    public init(from decoder: any Decoder) throws {
        var json = try ReferenceConnectionJSON(from: decoder)
        let c = try decoder.container(keyedBy: ReferenceConnectionJSON.CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        self.protocol = try c.decode(SsoProtocol.self, forKey: .protocol)
        status = try c.decode(SsoConnectionStatus.self, forKey: .status)
        statusReason = json.statusReason
        domains = try c.decode([String].self, forKey: .domains)
        jitProvisioning = try c.decode(Bool.self, forKey: .jitProvisioning)
        defaultRole = json.defaultRole
        matchSubdomains = try c.decode(Bool.self, forKey: .matchSubdomains)
        redirectURIs = try c.decode([String].self, forKey: .redirectURIs)
        _createdAt = try c.decode(ISO8601Timestamp.self, forKey: .createdAt)
        _updatedAt = try c.decode(ISO8601Timestamp.self, forKey: .updatedAt)
        (json.id, json.name, json.protocol, json.status, json.statusReason) = (nil, nil, nil, nil, nil)
        (json.domains, json.jitProvisioning, json.defaultRole) = (nil, nil, nil)
        (json.matchSubdomains, json.redirectURIs, json.createdAt, json.updatedAt) = (nil, nil, nil, nil)
        (json.clientSecret, json.bindPassword, json.spSigningKeyPEM) = (nil, nil, nil)
        (json.metadataXML, json.allowPlaintext, json.caCertificatePEM) = (nil, nil, nil)
        fields = json
    }

    public func encode(to encoder: any Encoder) throws {
        var json = fields
        (json.id, json.name, json.protocol, json.status, json.statusReason) = (
            id, name, self.protocol, status, statusReason
        )
        (json.domains, json.jitProvisioning, json.defaultRole) = (domains, jitProvisioning, defaultRole)
        (json.matchSubdomains, json.redirectURIs) = (matchSubdomains, redirectURIs)
        (json.createdAt, json.updatedAt) = (_createdAt, _updatedAt)
        try json.encode(to: encoder)
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
