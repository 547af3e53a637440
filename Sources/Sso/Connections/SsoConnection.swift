import Foundation

/// A connection as the admin API returns it: the reference's `SsoConnection` fields plus the
/// non-secret protocol settings. It holds no `client_secret`, `bind_password` or
/// `sp_signing_key_pem`, so no encoding, description or dump of it can contain one.
public struct SsoConnection: Sendable, Hashable, Codable, Identifiable {
    /// `sso_conn_…`.
    public var id: String
    /// The human-readable name (`name`), trimmed, at most 200 bytes.
    public var name: String
    /// The connection's protocol (`protocol`); only that protocol's fields below are set.
    public var `protocol`: SsoProtocol
    /// `active`, `inactive` (every login refused) or `error` (the last connection test failed; see
    /// ``statusReason``).
    public var status: SsoConnectionStatus
    /// Why `status` is `error`; absent otherwise.
    public var statusReason: String?
    /// Claimed domains in canonical ASCII form (`xn--bcher-kva.example`).
    public var domains: [String]
    /// Whether a user unknown to the connection is provisioned on first login (`jit_provisioning`);
    /// otherwise the login fails with `user.not_provisioned`.
    public var jitProvisioning: Bool
    /// The role JIT provisioning gives new users (`default_role`); `nil` when they get none.
    public var defaultRole: String?
    /// Whether subdomains of ``domains`` route here too (`match_subdomains`); the most specific claim wins.
    public var matchSubdomains: Bool
    /// The redirect URIs a login may ask for, compared exactly (`redirect_uris`); the first is the
    /// default. Always empty for LDAP.
    public var redirectURIs: [String]
    /// When the connection was created (`created_at`, ISO 8601 in UTC).
    @ISO8601Timestamp public var createdAt: Date
    /// When the connection was last changed, by an update or a connection test that changed its
    /// status (`updated_at`, ISO 8601 in UTC).
    @ISO8601Timestamp public var updatedAt: Date
    /// The non-secret protocol fields, in their flat form.
    private var fields: ReferenceConnectionJSON

    /// OIDC: the issuer URL (`issuer_url`); `nil` for other protocols.
    public var issuerURL: String? { fields.issuerURL }
    /// OIDC: the client id registered at the IdP (`client_id`); `nil` for other protocols. The client
    /// secret is never returned.
    public var clientID: String? { fields.clientID }
    /// SAML: where the IdP metadata is fetched from (`metadata_url`); `nil` when it is stored inline
    /// (see ``hasInlineMetadata``) and for other protocols.
    public var metadataURL: String? { fields.metadataURL }
    /// Whether the IdP metadata is stored inline (`metadata_xml`) rather than fetched.
    public var hasInlineMetadata: Bool? { fields.hasInlineMetadata }
    /// SAML: this service provider's assertion consumer service URL (`assertion_consumer_service_url`);
    /// `nil` for other protocols.
    public var assertionConsumerServiceURL: String? { fields.assertionConsumerServiceURL }
    /// SAML: this service provider's entity id (`entity_id`); `nil` for other protocols.
    public var entityID: String? { fields.entityID }
    /// SAML: user field → SAML attribute name overrides (`attribute_mapping`); `nil` for other protocols.
    public var attributeMapping: [String: String]? { fields.attributeMapping }
    /// SAML: whether IdP-initiated responses are accepted (`allow_unsolicited`); `nil` for other protocols.
    public var allowUnsolicited: Bool? { fields.allowUnsolicited }
    /// The SP certificate AuthnRequests are signed for (the private key is never returned).
    public var spSigningCertificatePEM: String? { fields.spSigningCertificatePEM }
    /// LDAP: the directory's `ldap://` or `ldaps://` URL (`server_url`); `nil` for other protocols.
    public var serverURL: String? { fields.serverURL }
    /// LDAP: how the bind is protected (`tls_mode`; `plain` sends passwords in clear); `nil` for other
    /// protocols.
    public var tlsMode: SsoLDAPTLSMode? { fields.tlsMode }
    /// LDAP: the DN of the service account that searches for users (`bind_dn`); `nil` for other
    /// protocols. Its password is never returned.
    public var bindDN: String? { fields.bindDN }
    /// LDAP: the DN under which user entries are searched (`user_search_base`); `nil` for other protocols.
    public var userSearchBase: String? { fields.userSearchBase }
    /// LDAP: the attribute matched against the login name (`user_attribute`, `uid` unless set); `nil`
    /// for other protocols.
    public var userAttribute: String? { fields.userAttribute }
    /// LDAP: the extra filter ANDed with the user search (`user_filter`); `nil` when none is set and for
    /// other protocols.
    public var userFilter: String? { fields.userFilter }
    /// LDAP: the DN under which group entries are searched (`group_search_base`); `nil` when none is
    /// set and for other protocols.
    public var groupSearchBase: String? { fields.groupSearchBase }
    /// LDAP: how a user's groups are found (`group_mode`); `nil` for other protocols.
    public var groupMode: SsoLDAPGroupMode? { fields.groupMode }
    /// LDAP: group DN or CN → scopes granted to its members (`group_mapping`); `nil` for other protocols.
    public var groupMapping: [String: [String]]? { fields.groupMapping }
    /// LDAP: whether users in no mapped group are refused (`require_group`); `nil` for other protocols.
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

    /// Creates a list of `connections`, in the order given.
    public init(connections: [SsoConnection]) {
        self.connections = connections
    }
}
