/// The settings of an LDAP connection.
///
/// `Codable` in the stored form (the reference's snake_case keys); `bind_password` encodes as
/// `<redacted>` unless the encoder's `userInfo[.ssoIncludeSecrets]` is `true`.
public struct LDAPConnectionSettings: Sendable, Equatable {
    /// `ldap://host[:port]` or `ldaps://host[:port]`.
    public var serverURL: String
    /// How the bind is protected. `.plain` sends passwords in clear: choosing it is the opt-in.
    public var tlsMode: SsoLDAPTLSMode
    /// PEM certificates to trust for the directory's TLS certificate (system roots otherwise).
    public var caCertificatePEM: String?
    /// The DN of the service account used to search for users.
    public var bindDN: String
    /// The service account's password.
    public var bindPassword: Secret
    /// Where user entries live.
    public var userSearchBase: String
    /// The attribute matched against the login name.
    public var userAttribute: String
    /// An extra filter ANDed with the user search, e.g. `(objectClass=person)`.
    public var userFilter: String?
    /// Where group entries live (needed by the group-search modes).
    public var groupSearchBase: String?
    /// How groups are found.
    public var groupMode: SsoLDAPGroupMode
    /// Group → scopes granted to its members. A key is a group DN (compared as a normalised DN)
    /// or a bare group CN (compared case-insensitively with the first RDN value of a group).
    public var groupMapping: [String: [String]]
    /// Refuse users who are in no group of `groupMapping`.
    public var requireGroup: Bool

    /// LDAP settings; `tlsMode` defaults from the URL scheme (`ldaps` for `ldaps://`, else `starttls`).
    public init(
        serverURL: String, tlsMode: SsoLDAPTLSMode? = nil, caCertificatePEM: String? = nil, bindDN: String,
        bindPassword: Secret, userSearchBase: String, userAttribute: String = "uid", userFilter: String? = nil,
        groupSearchBase: String? = nil, groupMode: SsoLDAPGroupMode = .memberOf, groupMapping: [String: [String]] = [:],
        requireGroup: Bool = false
    ) {
        self.serverURL = serverURL
        self.tlsMode = tlsMode ?? Self.defaultTLSMode(serverURL: serverURL)
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

    /// `ldaps` for an `ldaps://` URL, `starttls` otherwise.
    static func defaultTLSMode(serverURL: String) -> SsoLDAPTLSMode {
        serverURL.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().hasPrefix("ldaps:") ? .ldaps : .starttls
    }
}

extension LDAPConnectionSettings: Codable {
    public init(from decoder: any Decoder) throws {
        self = try ReferenceConnectionJSON(from: decoder).ldapSettings()
    }

    public func encode(to encoder: any Encoder) throws {
        try ReferenceConnectionJSON(settings: .ldap(self), form: .stored).encode(to: encoder)
    }
}
