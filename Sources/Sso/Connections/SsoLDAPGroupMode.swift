/// How an LDAP connection finds a user's groups.
public enum SsoLDAPGroupMode: String, Sendable, Hashable, Codable {
    /// Read the user entry's `memberOf` attribute (Active Directory, OpenLDAP with the memberof overlay).
    case memberOf = "member_of"
    /// Search `group_search_base` for groups whose `member`/`uniqueMember`/`memberUid` names the user.
    case groupSearch = "group_search"
    /// Like `group_search`, then follow groups that are members of other groups (bounded depth).
    case nestedGroupSearch = "nested_group_search"
}
