/// The parameters of a new connection, shaped like the reference's `CreateSsoConnectionParams`:
/// the fields every protocol shares, plus one ``SsoConnectionSettings`` value.
///
/// Use the ``oidc(name:issuerURL:clientID:clientSecret:domains:jitProvisioning:defaultRole:)``,
/// ``saml(name:metadata:assertionConsumerServiceURL:entityID:domains:jitProvisioning:defaultRole:attributeMapping:requestSigning:)``
/// and ``ldap(name:serverURL:bindDN:bindPassword:userSearchBase:domains:jitProvisioning:defaultRole:)``
/// factories, or ``init(name:settings:domains:jitProvisioning:defaultRole:matchSubdomains:redirectURIs:)``.
/// The JSON form is the reference's flat snake_case object. `client_secret`, `bind_password`
/// and `sp_signing_key_pem` are write-only: they decode, but print and encode as `<redacted>`.
public struct CreateSsoConnectionParams: Sendable, Codable {
    /// A human-readable name.
    public var name: String
    /// Email domains routed to this connection (Unicode or ASCII; normalised on write).
    public var domains: [String]
    /// Whether unknown users are provisioned on their first login.
    public var jitProvisioning: Bool
    /// The role given to JIT-provisioned users.
    public var defaultRole: String?
    /// Whether subdomains of `domains` route here too (most specific claim wins). Defaults to `false`.
    public var matchSubdomains: Bool?
    /// Redirect URIs a login may ask for instead of the default (exact match; OIDC and SAML).
    public var redirectURIs: [String]?
    /// The protocol settings.
    public var settings: SsoConnectionSettings

    /// The protocol of ``settings``.
    public var `protocol`: SsoProtocol { settings.protocol }

    /// Parameters of a connection with `settings`.
    public init(
        name: String, settings: SsoConnectionSettings, domains: [String] = [], jitProvisioning: Bool = false,
        defaultRole: String? = nil, matchSubdomains: Bool? = nil, redirectURIs: [String]? = nil
    ) {
        self.name = name
        self.settings = settings
        self.domains = domains
        self.jitProvisioning = jitProvisioning
        self.defaultRole = defaultRole
        self.matchSubdomains = matchSubdomains
        self.redirectURIs = redirectURIs
    }

    /// An OIDC connection.
    public static func oidc(
        name: String, issuerURL: String, clientID: String, clientSecret: Secret, domains: [String] = [],
        jitProvisioning: Bool = false, defaultRole: String? = nil
    ) -> Self {
        Self(
            name: name,
            settings: .oidc(
                OIDCConnectionSettings(issuerURL: issuerURL, clientID: clientID, clientSecret: clientSecret)),
            domains: domains, jitProvisioning: jitProvisioning, defaultRole: defaultRole)
    }

    /// A SAML connection.
    public static func saml(
        name: String, metadata: SAMLMetadataSource, assertionConsumerServiceURL: String, entityID: String,
        domains: [String] = [], jitProvisioning: Bool = false, defaultRole: String? = nil,
        attributeMapping: [String: String] = [:], requestSigning: SAMLRequestSigning? = nil
    ) -> Self {
        let settings = SAMLConnectionSettings(
            metadata: metadata, assertionConsumerServiceURL: assertionConsumerServiceURL, entityID: entityID,
            attributeMapping: attributeMapping, requestSigning: requestSigning)
        return Self(
            name: name, settings: .saml(settings), domains: domains, jitProvisioning: jitProvisioning,
            defaultRole: defaultRole)
    }

    /// An LDAP connection with the defaults of ``LDAPConnectionSettings``; build the settings
    /// value yourself for the other LDAP fields.
    public static func ldap(
        name: String, serverURL: String, bindDN: String, bindPassword: Secret, userSearchBase: String,
        domains: [String] = [], jitProvisioning: Bool = false, defaultRole: String? = nil
    ) -> Self {
        let settings = LDAPConnectionSettings(
            serverURL: serverURL, bindDN: bindDN, bindPassword: bindPassword, userSearchBase: userSearchBase)
        return Self(
            name: name, settings: .ldap(settings), domains: domains, jitProvisioning: jitProvisioning,
            defaultRole: defaultRole)
    }
}

extension CreateSsoConnectionParams {
    /// Decodes the reference's flat JSON; `domains` and `jit_provisioning` default to `[]` and
    /// `false`. A field of another protocol or a missing required field is refused with
    /// `connection.invalid_params`, as ``SsoOrganization/createConnection(_:)`` would.
    public init(from decoder: any Decoder) throws {
        self = try ReferenceConnectionJSON.decodeCreate(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try ReferenceConnectionJSON(self).encode(to: encoder)
    }

    /// The parameters that would recreate `record` (secrets included): the starting point of an
    /// update, which is then validated like a new connection.
    init(record: SsoConnectionRecord) {
        self.init(
            name: record.name, settings: record.settings, domains: record.domains.map(\.ascii),
            jitProvisioning: record.jitProvisioning, defaultRole: record.defaultRole,
            matchSubdomains: record.matchSubdomains, redirectURIs: record.protocol == .ldap ? nil : record.redirectURIs)
    }
}
