/// Changes to an LDAP connection's settings: `nil` fields stay as they are.
public struct LDAPSettingsPatch: Sendable {
    var serverURL: String?
    /// A new TLS mode; `.plain` sends passwords in clear (choosing it is the opt-in).
    var tlsMode: SsoLDAPTLSMode?
    var caCertificatePEM: String?
    var bindDN: String?
    /// Replaces the service account's password (write-only).
    var bindPassword: Secret?
    var userSearchBase: String?
    var userAttribute: String?
    var userFilter: String?
    var groupSearchBase: String?
    var groupMode: SsoLDAPGroupMode?
    var groupMapping: [String: [String]]?
    var requireGroup: Bool?
    /// The reference JSON's `allow_plaintext`: `false` refuses a `plain` result.
    var allowPlaintext: Bool?

    /// A patch of the given fields.
    public init(
        serverURL: String? = nil, tlsMode: SsoLDAPTLSMode? = nil, caCertificatePEM: String? = nil,
        bindDN: String? = nil,
        bindPassword: Secret? = nil, userSearchBase: String? = nil, userAttribute: String? = nil,
        userFilter: String? = nil, groupSearchBase: String? = nil, groupMode: SsoLDAPGroupMode? = nil,
        groupMapping: [String: [String]]? = nil, requireGroup: Bool? = nil
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

    /// The JSON names of the fields this patch sets, in the reference's order.
    var fieldNames: [String] {
        let fields: [(Bool, String)] = [
            (serverURL != nil, "server_url"), (tlsMode != nil, "tls_mode"), (allowPlaintext != nil, "allow_plaintext"),
            (caCertificatePEM != nil, "ca_certificate_pem"), (bindDN != nil, "bind_dn"),
            (bindPassword != nil, "bind_password"), (userSearchBase != nil, "user_search_base"),
            (userAttribute != nil, "user_attribute"), (userFilter != nil, "user_filter"),
            (groupSearchBase != nil, "group_search_base"), (groupMode != nil, "group_mode"),
            (groupMapping != nil, "group_mapping"), (requireGroup != nil, "require_group"),
        ]
        return fields.filter(\.0).map(\.1)
    }

    /// `settings` with every set field of this patch applied.
    /// - Throws: `connection.invalid_params` when `allow_plaintext: false` meets a `plain` TLS mode.
    func applied(to settings: LDAPConnectionSettings) throws(SsoError) -> LDAPConnectionSettings {
        var s = settings
        if let serverURL { s.serverURL = serverURL }
        if let tlsMode { s.tlsMode = tlsMode }
        if let caCertificatePEM { s.caCertificatePEM = caCertificatePEM }
        if let bindDN { s.bindDN = bindDN }
        if let bindPassword { s.bindPassword = bindPassword }
        if let userSearchBase { s.userSearchBase = userSearchBase }
        if let userAttribute { s.userAttribute = userAttribute }
        if let userFilter { s.userFilter = userFilter }
        if let groupSearchBase { s.groupSearchBase = groupSearchBase }
        if let groupMode { s.groupMode = groupMode }
        if let groupMapping { s.groupMapping = groupMapping }
        if let requireGroup { s.requireGroup = requireGroup }
        if allowPlaintext == false, s.tlsMode == .plain { throw ReferenceConnectionJSON.plaintextRefused }
        return s
    }
}
