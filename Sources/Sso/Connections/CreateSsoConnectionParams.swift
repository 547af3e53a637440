/// The parameters of a new connection, shaped like the reference's `CreateSsoConnectionParams`.
///
/// One flat struct for the three protocols; fields of another protocol must stay `nil`. Use the
/// ``oidc(name:issuerURL:clientID:clientSecret:domains:jitProvisioning:defaultRole:)``,
/// ``saml(name:metadataURL:metadataXML:assertionConsumerServiceURL:entityID:domains:jitProvisioning:defaultRole:attributeMapping:)``
/// and ``ldap(name:serverURL:bindDN:bindPassword:userSearchBase:domains:jitProvisioning:defaultRole:)``
/// factories, then set optional fields. JSON keys are the reference's snake_case names.
/// `client_secret`, `bind_password` and `sp_signing_key_pem` are write-only: they decode, but print and encode as
/// `<redacted>`.
public struct CreateSsoConnectionParams: Sendable, Codable {
    /// A human-readable name.
    public var name: String
    /// `oidc`, `saml` or `ldap`.
    public var `protocol`: SsoProtocol
    /// Email domains routed to this connection (Unicode or ASCII; normalised on write).
    public var domains: [String]
    /// Whether unknown users are provisioned on their first login. Defaults to `false`.
    public var jitProvisioning: Bool
    /// The role given to JIT-provisioned users.
    public var defaultRole: String?
    /// Whether subdomains of `domains` route here too (most specific claim wins). Defaults to `false`.
    public var matchSubdomains: Bool?
    /// Redirect URIs a login may ask for instead of the default (exact match; OIDC and SAML).
    public var redirectURIs: [String]?

    // OIDC
    /// OIDC: the issuer URL (https; http only for a loopback host).
    public var issuerURL: String?
    /// OIDC: the client id registered at the IdP.
    public var clientID: String?
    /// OIDC: the client secret. Write-only.
    public var clientSecret: Secret?

    // SAML
    /// SAML: where to fetch the IdP metadata (https; http only for a loopback host).
    public var metadataURL: String?
    /// SAML: the IdP metadata document itself, instead of `metadata_url`.
    public var metadataXML: String?
    /// SAML: the assertion consumer service URL of this service provider.
    public var assertionConsumerServiceURL: String?
    /// SAML: the entity id of this service provider.
    public var entityID: String?
    /// SAML: user field → attribute name (`email`, `name`, `groups`, …).
    public var attributeMapping: [String: String]?
    /// SAML: accept IdP-initiated responses (no `InResponseTo`). Defaults to `false`.
    public var allowUnsolicited: Bool?
    /// SAML: the SP's PEM RSA private key (2048 bits or more) that signs AuthnRequests; needed
    /// when the IdP metadata sets `WantAuthnRequestsSigned`. Write-only.
    public var spSigningKeyPEM: Secret?
    /// SAML: the PEM certificate of `sp_signing_key_pem` (required with it; the IdP verifies
    /// request signatures with it).
    public var spSigningCertificatePEM: String?

    // LDAP
    /// LDAP: `ldap://host[:port]` or `ldaps://host[:port]`.
    public var serverURL: String?
    /// LDAP: `starttls`, `ldaps` or `plain`; defaults from the URL scheme.
    public var tlsMode: SsoLDAPTLSMode?
    /// LDAP: must be `true` for `tls_mode: plain`.
    public var allowPlaintext: Bool?
    /// LDAP: PEM certificates to trust for the directory's TLS certificate.
    public var caCertificatePEM: String?
    /// LDAP: the DN of the service account used to search for users.
    public var bindDN: String?
    /// LDAP: the service account's password. Write-only.
    public var bindPassword: Secret?
    /// LDAP: where user entries live.
    public var userSearchBase: String?
    /// LDAP: the attribute matched against the login name. Defaults to `uid`.
    public var userAttribute: String?
    /// LDAP: an extra filter ANDed with the user search, e.g. `(objectClass=person)`.
    public var userFilter: String?
    /// LDAP: where group entries live (needed by the group-search modes).
    public var groupSearchBase: String?
    /// LDAP: how groups are found. Defaults to `member_of`.
    public var groupMode: SsoLDAPGroupMode?
    /// LDAP: group → scopes granted to its members. A key is a group DN (compared as a normalised
    /// DN) or a bare group CN (compared case-insensitively with the first RDN value of a group).
    public var groupMapping: [String: [String]]?
    /// LDAP: refuse users who are in no group of `group_mapping`. Defaults to `false`.
    public var requireGroup: Bool?

    /// Parameters for `protocol` with every optional field unset.
    public init(name: String, protocol: SsoProtocol, domains: [String] = [], jitProvisioning: Bool = false, defaultRole: String? = nil) {
        self.name = name
        self.protocol = `protocol`
        self.domains = domains
        self.jitProvisioning = jitProvisioning
        self.defaultRole = defaultRole
    }

    /// An OIDC connection.
    public static func oidc(
        name: String, issuerURL: String, clientID: String, clientSecret: Secret, domains: [String] = [],
        jitProvisioning: Bool = false, defaultRole: String? = nil
    ) -> Self {
        var params = Self(name: name, protocol: .oidc, domains: domains, jitProvisioning: jitProvisioning, defaultRole: defaultRole)
        params.issuerURL = issuerURL
        params.clientID = clientID
        params.clientSecret = clientSecret
        return params
    }

    /// A SAML connection (give `metadataURL` or `metadataXML`).
    public static func saml(
        name: String, metadataURL: String? = nil, metadataXML: String? = nil, assertionConsumerServiceURL: String,
        entityID: String, domains: [String] = [], jitProvisioning: Bool = false, defaultRole: String? = nil,
        attributeMapping: [String: String]? = nil
    ) -> Self {
        var params = Self(name: name, protocol: .saml, domains: domains, jitProvisioning: jitProvisioning, defaultRole: defaultRole)
        params.metadataURL = metadataURL
        params.metadataXML = metadataXML
        params.assertionConsumerServiceURL = assertionConsumerServiceURL
        params.entityID = entityID
        params.attributeMapping = attributeMapping
        return params
    }

    /// An LDAP connection; set `tlsMode`, `groupMapping` and the other LDAP fields as needed.
    public static func ldap(
        name: String, serverURL: String, bindDN: String, bindPassword: Secret, userSearchBase: String,
        domains: [String] = [], jitProvisioning: Bool = false, defaultRole: String? = nil
    ) -> Self {
        var params = Self(name: name, protocol: .ldap, domains: domains, jitProvisioning: jitProvisioning, defaultRole: defaultRole)
        params.serverURL = serverURL
        params.bindDN = bindDN
        params.bindPassword = bindPassword
        params.userSearchBase = userSearchBase
        return params
    }

    enum CodingKeys: String, CodingKey {
        case name, `protocol`, domains
        case jitProvisioning = "jit_provisioning", defaultRole = "default_role"
        case matchSubdomains = "match_subdomains", redirectURIs = "redirect_uris"
        case issuerURL = "issuer_url", clientID = "client_id", clientSecret = "client_secret"
        case metadataURL = "metadata_url", metadataXML = "metadata_xml"
        case assertionConsumerServiceURL = "assertion_consumer_service_url", entityID = "entity_id"
        case attributeMapping = "attribute_mapping", allowUnsolicited = "allow_unsolicited"
        case spSigningKeyPEM = "sp_signing_key_pem", spSigningCertificatePEM = "sp_signing_certificate_pem"
        case serverURL = "server_url", tlsMode = "tls_mode", allowPlaintext = "allow_plaintext"
        case caCertificatePEM = "ca_certificate_pem", bindDN = "bind_dn", bindPassword = "bind_password"
        case userSearchBase = "user_search_base", userAttribute = "user_attribute", userFilter = "user_filter"
        case groupSearchBase = "group_search_base", groupMode = "group_mode", groupMapping = "group_mapping"
        case requireGroup = "require_group"
    }
}

extension CreateSsoConnectionParams {
    /// Decodes the reference's JSON; `domains` and `jit_provisioning` default to `[]` and `false`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name),
            protocol: try c.decode(SsoProtocol.self, forKey: .protocol),
            domains: try c.decodeIfPresent([String].self, forKey: .domains) ?? [],
            jitProvisioning: try c.decodeIfPresent(Bool.self, forKey: .jitProvisioning) ?? false,
            defaultRole: try c.decodeIfPresent(String.self, forKey: .defaultRole)
        )
        matchSubdomains = try c.decodeIfPresent(Bool.self, forKey: .matchSubdomains)
        redirectURIs = try c.decodeIfPresent([String].self, forKey: .redirectURIs)
        issuerURL = try c.decodeIfPresent(String.self, forKey: .issuerURL)
        clientID = try c.decodeIfPresent(String.self, forKey: .clientID)
        clientSecret = try c.decodeIfPresent(Secret.self, forKey: .clientSecret)
        metadataURL = try c.decodeIfPresent(String.self, forKey: .metadataURL)
        metadataXML = try c.decodeIfPresent(String.self, forKey: .metadataXML)
        assertionConsumerServiceURL = try c.decodeIfPresent(String.self, forKey: .assertionConsumerServiceURL)
        entityID = try c.decodeIfPresent(String.self, forKey: .entityID)
        attributeMapping = try c.decodeIfPresent([String: String].self, forKey: .attributeMapping)
        allowUnsolicited = try c.decodeIfPresent(Bool.self, forKey: .allowUnsolicited)
        spSigningKeyPEM = try c.decodeIfPresent(Secret.self, forKey: .spSigningKeyPEM)
        spSigningCertificatePEM = try c.decodeIfPresent(String.self, forKey: .spSigningCertificatePEM)
        serverURL = try c.decodeIfPresent(String.self, forKey: .serverURL)
        tlsMode = try c.decodeIfPresent(SsoLDAPTLSMode.self, forKey: .tlsMode)
        allowPlaintext = try c.decodeIfPresent(Bool.self, forKey: .allowPlaintext)
        caCertificatePEM = try c.decodeIfPresent(String.self, forKey: .caCertificatePEM)
        bindDN = try c.decodeIfPresent(String.self, forKey: .bindDN)
        bindPassword = try c.decodeIfPresent(Secret.self, forKey: .bindPassword)
        userSearchBase = try c.decodeIfPresent(String.self, forKey: .userSearchBase)
        userAttribute = try c.decodeIfPresent(String.self, forKey: .userAttribute)
        userFilter = try c.decodeIfPresent(String.self, forKey: .userFilter)
        groupSearchBase = try c.decodeIfPresent(String.self, forKey: .groupSearchBase)
        groupMode = try c.decodeIfPresent(SsoLDAPGroupMode.self, forKey: .groupMode)
        groupMapping = try c.decodeIfPresent([String: [String]].self, forKey: .groupMapping)
        requireGroup = try c.decodeIfPresent(Bool.self, forKey: .requireGroup)
    }
}
