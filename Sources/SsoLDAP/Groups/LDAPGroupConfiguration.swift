/// How group membership is read and how nested groups are resolved.
public struct LDAPGroupConfiguration: Sendable {
    /// Where memberships come from.
    public var mode: LDAPGroupMode
    /// The base for group searches (required by ``LDAPGroupMode/member(attribute:)``,
    /// ``LDAPGroupMode/memberUid(attribute:)`` and ``LDAPNestedGroups/activeDirectoryInChain``).
    public var base: String?
    /// An extra filter for group searches, e.g. `(objectClass=groupOfNames)`.
    public var filter: String?
    /// How nested groups are resolved.
    public var nested: LDAPNestedGroups
    /// The most groups collected for one user; more throw `ldap.size_limit_exceeded`.
    public var maximumGroups: Int

    /// `memberOf` with a nested walk of up to 8 levels unless told otherwise.
    public init(
        mode: LDAPGroupMode = .memberOf, base: String? = nil, filter: String? = nil,
        nested: LDAPNestedGroups = .walk(maximumDepth: 8), maximumGroups: Int = 1000
    ) {
        self.mode = mode
        self.base = base
        self.filter = filter
        self.nested = nested
        self.maximumGroups = maximumGroups
    }

    func validate() throws(SsoError) {
        func invalid(_ message: String) -> SsoError { SsoError(.ldapInvalidConfiguration, message) }
        if let base, LDAPDistinguishedName.parse(base) == nil { throw invalid("the group base DN is malformed") }
        if let filter, !LDAPFilter.isWellFormed(filter) {
            throw invalid("the group filter must be a parenthesised filter")
        }
        switch mode {
        case .none, .memberOf: break
        case .member(let attribute), .memberUid(let attribute):
            guard LDAPFilter.isValidAttributeName(attribute) else {
                throw invalid("the group member attribute is invalid")
            }
            guard base != nil else { throw invalid("a group search needs a group base DN") }
        }
        if case .activeDirectoryInChain = nested, base == nil {
            throw invalid("the Active Directory in-chain rule needs a group base DN")
        }
        if case .walk(let depth) = nested, !(1...64).contains(depth) { throw invalid("the nesting depth must be 1…64") }
        guard maximumGroups >= 1 else { throw invalid("maximumGroups must be positive") }
    }
}

/// Where a user's group memberships come from.
public enum LDAPGroupMode: Sendable, Equatable {
    /// No groups.
    case none
    /// The user entry's `memberOf` attribute (OpenLDAP memberof/dynlist, FreeIPA, Active Directory).
    case memberOf
    /// Groups under the group base whose `attribute` (`member` or `uniqueMember`) holds the user's DN.
    case member(attribute: String = "member")
    /// Groups under the group base whose `attribute` (`memberUid`) holds the user's login name, as
    /// stored in the user's entry (never the typed name).
    case memberUid(attribute: String = "memberUid")
}

/// How nested groups (groups that are members of groups) are resolved.
public enum LDAPNestedGroups: Sendable, Equatable {
    /// Direct memberships only (or the server already computes nesting, as FreeIPA does).
    case none
    /// A breadth-first walk up to `maximumDepth` levels that survives cycles.
    case walk(maximumDepth: Int)
    /// Active Directory's `LDAP_MATCHING_RULE_IN_CHAIN` (`1.2.840.113556.1.4.1941`) in one search.
    case activeDirectoryInChain
}
