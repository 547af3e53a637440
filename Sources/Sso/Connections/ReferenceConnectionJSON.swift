import Foundation

/// The reference API's flat snake_case connection object, the one place its keys are mapped.
///
/// ``CreateSsoConnectionParams``, ``UpdateSsoConnectionParams``, ``SsoConnection`` and the
/// stored form of the settings all code through it; every field is optional here and the
/// conversions (`+Settings`, `+Params`) decide what each form requires. Secrets encode as
/// `<redacted>` unless the encoder's `userInfo[.ssoIncludeSecrets]` is `true`. The output holds
/// only the given values, so it is byte-for-byte stable with `JSONEncoder.OutputFormatting.sortedKeys`
/// (without it, Foundation orders object keys as it likes).
struct ReferenceConnectionJSON: Sendable, Equatable, Decodable {
    var id: String?
    var name: String?
    var `protocol`: SsoProtocol?
    var status: SsoConnectionStatus?
    var statusReason: String?
    var domains: [String]?
    var jitProvisioning: Bool?
    var defaultRole: String?
    var matchSubdomains: Bool?
    var redirectURIs: [String]?
    var createdAt: ISO8601Timestamp?
    var updatedAt: ISO8601Timestamp?
    var issuerURL: String?
    var clientID: String?
    var clientSecret: Secret?
    var metadataURL: String?
    var metadataXML: String?
    var hasInlineMetadata: Bool?
    var assertionConsumerServiceURL: String?
    var entityID: String?
    var attributeMapping: [String: String]?
    var allowUnsolicited: Bool?
    var spSigningKeyPEM: Secret?
    var spSigningCertificatePEM: String?
    var serverURL: String?
    var tlsMode: SsoLDAPTLSMode?
    var allowPlaintext: Bool?
    var caCertificatePEM: String?
    var bindDN: String?
    var bindPassword: Secret?
    var userSearchBase: String?
    var userAttribute: String?
    var userFilter: String?
    var groupSearchBase: String?
    var groupMode: SsoLDAPGroupMode?
    var groupMapping: [String: [String]]?
    var requireGroup: Bool?

    init() {}

    enum CodingKeys: String, CodingKey {
        case id, name, `protocol`, status, domains
        case statusReason = "status_reason", jitProvisioning = "jit_provisioning", defaultRole = "default_role"
        case matchSubdomains = "match_subdomains", redirectURIs = "redirect_uris"
        case createdAt = "created_at", updatedAt = "updated_at"
        case issuerURL = "issuer_url", clientID = "client_id", clientSecret = "client_secret"
        case metadataURL = "metadata_url", metadataXML = "metadata_xml", hasInlineMetadata = "has_inline_metadata"
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

extension ReferenceConnectionJSON: Encodable {
    /// Writes the set fields; secrets sealed with the encoder's ``SecretSealing``, else as
    /// `<redacted>` unless the encoder opts in to clear text.
    func encode(to encoder: any Encoder) throws {
        let reveal = encoder.userInfo[.ssoIncludeSecrets] as? Bool == true
        let sealer = encoder.userInfo[.ssoSecretSealer] as? any SecretSealing
        func secret(_ value: Secret?) throws -> String? {
            guard let value else { return nil }
            if let sealer { return try sealer.seal(value.unsafeValue) }
            return reveal ? value.unsafeValue : "<redacted>"
        }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(self.protocol, forKey: .protocol)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encodeIfPresent(statusReason, forKey: .statusReason)
        try c.encodeIfPresent(domains, forKey: .domains)
        try c.encodeIfPresent(jitProvisioning, forKey: .jitProvisioning)
        try c.encodeIfPresent(defaultRole, forKey: .defaultRole)
        try c.encodeIfPresent(matchSubdomains, forKey: .matchSubdomains)
        try c.encodeIfPresent(redirectURIs, forKey: .redirectURIs)
        try c.encodeIfPresent(createdAt, forKey: .createdAt)
        try c.encodeIfPresent(updatedAt, forKey: .updatedAt)
        try c.encodeIfPresent(issuerURL, forKey: .issuerURL)
        try c.encodeIfPresent(clientID, forKey: .clientID)
        try c.encodeIfPresent(try secret(clientSecret), forKey: .clientSecret)
        try c.encodeIfPresent(metadataURL, forKey: .metadataURL)
        try c.encodeIfPresent(metadataXML, forKey: .metadataXML)
        try c.encodeIfPresent(hasInlineMetadata, forKey: .hasInlineMetadata)
        try c.encodeIfPresent(assertionConsumerServiceURL, forKey: .assertionConsumerServiceURL)
        try c.encodeIfPresent(entityID, forKey: .entityID)
        try c.encodeIfPresent(attributeMapping, forKey: .attributeMapping)
        try c.encodeIfPresent(allowUnsolicited, forKey: .allowUnsolicited)
        try c.encodeIfPresent(try secret(spSigningKeyPEM), forKey: .spSigningKeyPEM)
        try c.encodeIfPresent(spSigningCertificatePEM, forKey: .spSigningCertificatePEM)
        try c.encodeIfPresent(serverURL, forKey: .serverURL)
        try c.encodeIfPresent(tlsMode, forKey: .tlsMode)
        try c.encodeIfPresent(allowPlaintext, forKey: .allowPlaintext)
        try c.encodeIfPresent(caCertificatePEM, forKey: .caCertificatePEM)
        try c.encodeIfPresent(bindDN, forKey: .bindDN)
        try c.encodeIfPresent(try secret(bindPassword), forKey: .bindPassword)
        try c.encodeIfPresent(userSearchBase, forKey: .userSearchBase)
        try c.encodeIfPresent(userAttribute, forKey: .userAttribute)
        try c.encodeIfPresent(userFilter, forKey: .userFilter)
        try c.encodeIfPresent(groupSearchBase, forKey: .groupSearchBase)
        try c.encodeIfPresent(groupMode, forKey: .groupMode)
        try c.encodeIfPresent(groupMapping, forKey: .groupMapping)
        try c.encodeIfPresent(requireGroup, forKey: .requireGroup)
    }
}
