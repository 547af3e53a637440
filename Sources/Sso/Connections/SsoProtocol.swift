/// The identity protocol of a connection.
public enum SsoProtocol: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case oidc
    case saml
    case ldap

    public var description: String { rawValue }
}

/// The state of a connection: `active`, `inactive` (set by an administrator) or `error` (set by
/// a failed connection test, with a reason). Only `active` connections can be used to log in.
public enum SsoConnectionStatus: String, Sendable, Hashable, Codable, CustomStringConvertible {
    case active
    case inactive
    case error

    public var description: String { rawValue }
}

/// How an LDAP connection protects the directory bind.
public enum SsoLDAPTLSMode: String, Sendable, Hashable, Codable {
    /// `ldap://` upgraded with StartTLS before any bind (the default for `ldap://` URLs).
    case starttls
    /// TLS from the first byte, `ldaps://` (the default for `ldaps://` URLs).
    case ldaps
    /// No TLS: passwords cross the network in clear. Needs `allow_plaintext: true`.
    case plain
}

/// How an LDAP connection finds a user's groups.
public enum SsoLDAPGroupMode: String, Sendable, Hashable, Codable {
    /// Read the user entry's `memberOf` attribute (Active Directory, OpenLDAP with the memberof overlay).
    case memberOf = "member_of"
    /// Search `group_search_base` for groups whose `member`/`uniqueMember`/`memberUid` names the user.
    case groupSearch = "group_search"
    /// Like `group_search`, then follow groups that are members of other groups (bounded depth).
    case nestedGroupSearch = "nested_group_search"
}
