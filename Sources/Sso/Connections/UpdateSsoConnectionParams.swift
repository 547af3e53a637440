/// Changes to a connection, shaped like the reference's `UpdateSsoConnectionParams`.
///
/// Every field is optional: `nil` leaves the value as it is. The merged connection is validated
/// like a new one, so a field of another protocol is refused. Setting `metadata_url` clears a
/// stored `metadata_xml` and the reverse. `status` accepts `active` or `inactive` only
/// (`error` is set by connection tests). Secrets are write-only, as in
/// ``CreateSsoConnectionParams``.
public struct UpdateSsoConnectionParams: Sendable, Codable {
    public var name: String?
    public var domains: [String]?
    public var jitProvisioning: Bool?
    /// The role JIT provisioning gives; `""` removes it (provisioned users get no role).
    public var defaultRole: String?
    public var matchSubdomains: Bool?
    public var redirectURIs: [String]?
    /// `active` or `inactive`. Making a connection inactive revokes its sessions and pending logins.
    public var status: SsoConnectionStatus?

    public var issuerURL: String?
    public var clientID: String?
    public var clientSecret: Secret?

    public var metadataURL: String?
    public var metadataXML: String?
    public var assertionConsumerServiceURL: String?
    public var entityID: String?
    public var attributeMapping: [String: String]?
    public var allowUnsolicited: Bool?
    /// Replaces the SP request-signing key; give `sp_signing_certificate_pem` with it. Empty
    /// values for both remove request signing.
    public var spSigningKeyPEM: Secret?
    public var spSigningCertificatePEM: String?

    public var serverURL: String?
    public var tlsMode: SsoLDAPTLSMode?
    public var allowPlaintext: Bool?
    public var caCertificatePEM: String?
    public var bindDN: String?
    public var bindPassword: Secret?
    public var userSearchBase: String?
    public var userAttribute: String?
    public var userFilter: String?
    public var groupSearchBase: String?
    public var groupMode: SsoLDAPGroupMode?
    public var groupMapping: [String: [String]]?
    public var requireGroup: Bool?

    /// The reference's fields; set the others as properties.
    public init(
        name: String? = nil, domains: [String]? = nil, jitProvisioning: Bool? = nil, defaultRole: String? = nil,
        attributeMapping: [String: String]? = nil, status: SsoConnectionStatus? = nil
    ) {
        self.name = name
        self.domains = domains
        self.jitProvisioning = jitProvisioning
        self.defaultRole = defaultRole
        self.attributeMapping = attributeMapping
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case name, domains, status
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

extension UpdateSsoConnectionParams {
    /// `draft` with every non-nil field of this update applied.
    func applied(to draft: CreateSsoConnectionParams) -> CreateSsoConnectionParams {
        var d = draft
        if let name { d.name = name }
        if let domains { d.domains = domains }
        if let jitProvisioning { d.jitProvisioning = jitProvisioning }
        if let defaultRole { d.defaultRole = defaultRole.isEmpty ? nil : defaultRole }
        if let matchSubdomains { d.matchSubdomains = matchSubdomains }
        if let redirectURIs { d.redirectURIs = redirectURIs }
        if let issuerURL { d.issuerURL = issuerURL }
        if let clientID { d.clientID = clientID }
        if let clientSecret { d.clientSecret = clientSecret }
        if let metadataURL {
            d.metadataURL = metadataURL
            if metadataXML == nil { d.metadataXML = nil }
        }
        if let metadataXML {
            d.metadataXML = metadataXML
            if self.metadataURL == nil { d.metadataURL = nil }
        }
        if let assertionConsumerServiceURL { d.assertionConsumerServiceURL = assertionConsumerServiceURL }
        if let entityID { d.entityID = entityID }
        if let attributeMapping { d.attributeMapping = attributeMapping }
        if let allowUnsolicited { d.allowUnsolicited = allowUnsolicited }
        if let spSigningKeyPEM { d.spSigningKeyPEM = spSigningKeyPEM.isEmpty ? nil : spSigningKeyPEM }
        if let spSigningCertificatePEM {
            d.spSigningCertificatePEM = spSigningCertificatePEM.isEmpty ? nil : spSigningCertificatePEM
        }
        if let serverURL { d.serverURL = serverURL }
        if let tlsMode { d.tlsMode = tlsMode }
        if let allowPlaintext { d.allowPlaintext = allowPlaintext }
        if let caCertificatePEM { d.caCertificatePEM = caCertificatePEM }
        if let bindDN { d.bindDN = bindDN }
        if let bindPassword { d.bindPassword = bindPassword }
        if let userSearchBase { d.userSearchBase = userSearchBase }
        if let userAttribute { d.userAttribute = userAttribute }
        if let userFilter { d.userFilter = userFilter }
        if let groupSearchBase { d.groupSearchBase = groupSearchBase }
        if let groupMode { d.groupMode = groupMode }
        if let groupMapping { d.groupMapping = groupMapping }
        if let requireGroup { d.requireGroup = requireGroup }
        return d
    }
}
