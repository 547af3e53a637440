/// Changes to a connection, shaped like the reference's `UpdateSsoConnectionParams`.
///
/// Every field is optional: `nil` leaves the value as it is. The protocol fields come as one
/// ``SsoConnectionSettingsPatch`` of the connection's protocol; a patch of another protocol is
/// refused. The merged connection is validated like a new one. `status` accepts `active` or
/// `inactive` only (`error` is set by connection tests). The JSON form is the reference's flat
/// snake_case object; secrets are write-only, as in ``CreateSsoConnectionParams``.
public struct UpdateSsoConnectionParams: Sendable, Codable {
    /// A new human-readable name (`name`).
    public var name: String?
    /// Email domains to claim instead of the current ones (`domains`); normalised, and each must not be
    /// claimed by another connection.
    public var domains: [String]?
    /// Whether unknown users are provisioned on their first login (`jit_provisioning`).
    public var jitProvisioning: Bool?
    /// The role JIT provisioning gives; `""` removes it (provisioned users get no role).
    public var defaultRole: String?
    /// Whether subdomains of the claimed domains route here too (`match_subdomains`).
    public var matchSubdomains: Bool?
    /// A redirect-URI allow-list to use instead of the current one (`redirect_uris`); refused for LDAP
    /// connections.
    public var redirectURIs: [String]?
    /// `active` or `inactive`. Making a connection inactive revokes its sessions and pending logins.
    public var status: SsoConnectionStatus?
    /// Changes to the protocol settings.
    public var settings: SsoConnectionSettingsPatch?

    /// An update of the given fields.
    public init(
        name: String? = nil, domains: [String]? = nil, jitProvisioning: Bool? = nil, defaultRole: String? = nil,
        matchSubdomains: Bool? = nil, redirectURIs: [String]? = nil, status: SsoConnectionStatus? = nil,
        settings: SsoConnectionSettingsPatch? = nil
    ) {
        self.name = name
        self.domains = domains
        self.jitProvisioning = jitProvisioning
        self.defaultRole = defaultRole
        self.matchSubdomains = matchSubdomains
        self.redirectURIs = redirectURIs
        self.status = status
        self.settings = settings
    }

    /// Decodes the reference's flat JSON. Fields of two protocols in one update are refused
    /// with `connection.invalid_params`.
    public init(from decoder: any Decoder) throws {
        self = try ReferenceConnectionJSON(from: decoder).updateParams()
    }

    public func encode(to encoder: any Encoder) throws {
        try ReferenceConnectionJSON(self).encode(to: encoder)
    }

    /// `draft` with every non-nil field of this update applied.
    /// - Throws: `connection.invalid_params` for a settings patch of another protocol.
    func applied(to draft: CreateSsoConnectionParams) throws(SsoError) -> CreateSsoConnectionParams {
        var d = draft
        if let name { d.name = name }
        if let domains { d.domains = domains }
        if let jitProvisioning { d.jitProvisioning = jitProvisioning }
        if let defaultRole { d.defaultRole = defaultRole.isEmpty ? nil : defaultRole }
        if let matchSubdomains { d.matchSubdomains = matchSubdomains }
        if let redirectURIs { d.redirectURIs = redirectURIs }
        if let settings { d.settings = try settings.applied(to: d.settings) }
        return d
    }
}
