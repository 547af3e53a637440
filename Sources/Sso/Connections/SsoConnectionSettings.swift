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

    public init(issuerURL: String, clientID: String, clientSecret: Secret) {
        self.issuerURL = issuerURL
        self.clientID = clientID
        self.clientSecret = clientSecret
    }
}

/// SAML settings of a connection. Exactly one of `metadataURL` and `metadataXML` is set.
public struct SsoSAMLSettings: Sendable, Equatable {
    public var metadataURL: String?
    public var metadataXML: String?
    public var assertionConsumerServiceURL: String
    public var entityID: String
    public var attributeMapping: [String: String]
    public var allowUnsolicited: Bool
    /// The SP's PEM RSA private key that signs AuthnRequests, if requests are signed.
    public var spSigningKeyPEM: Secret?
    /// The PEM certificate of ``spSigningKeyPEM`` (published in SP metadata).
    public var spSigningCertificatePEM: String?

    public init(
        metadataURL: String?, metadataXML: String?, assertionConsumerServiceURL: String, entityID: String,
        attributeMapping: [String: String], allowUnsolicited: Bool, spSigningKeyPEM: Secret? = nil,
        spSigningCertificatePEM: String? = nil
    ) {
        self.metadataURL = metadataURL
        self.metadataXML = metadataXML
        self.assertionConsumerServiceURL = assertionConsumerServiceURL
        self.entityID = entityID
        self.attributeMapping = attributeMapping
        self.allowUnsolicited = allowUnsolicited
        self.spSigningKeyPEM = spSigningKeyPEM
        self.spSigningCertificatePEM = spSigningCertificatePEM
    }
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

    public init(
        serverURL: String, tlsMode: SsoLDAPTLSMode, caCertificatePEM: String?, bindDN: String, bindPassword: Secret,
        userSearchBase: String, userAttribute: String, userFilter: String?, groupSearchBase: String?,
        groupMode: SsoLDAPGroupMode, groupMapping: [String: [String]], requireGroup: Bool
    ) {
        self.serverURL = serverURL
        self.tlsMode = tlsMode
        self.caCertificatePEM = caCertificatePEM
        self.bindDN = bindDN
        self.bindPassword = bindPassword
        self.userSearchBase = userSearchBase
        self.userAttribute = userAttribute
        self.userFilter = userFilter
        self.groupSearchBase = groupSearchBase
        self.groupMode = groupMode
        self.groupMapping = groupMapping
        self.requireGroup = requireGroup
    }
}
