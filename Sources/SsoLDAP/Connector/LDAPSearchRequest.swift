/// A search: base, scope, filter (already escaped), attributes and a size limit.
public struct LDAPSearchRequest: Sendable, Equatable {
    /// The base DN.
    public var base: String
    /// How deep to search below the base.
    public var scope: LDAPSearchScope
    /// An RFC 4515 filter string. Values inside must already be escaped with ``LDAPFilter/escape(_:)``.
    public var filter: String
    /// The attributes to return (`[]` returns none but the DN; `["*", "+"]` all).
    public var attributes: [String]
    /// The most entries to accept; more throw `ldap.size_limit_exceeded`.
    public var sizeLimit: Int

    /// A search of `base` for `filter`, reading `attributes`.
    public init(
        base: String, scope: LDAPSearchScope = .subtree, filter: String, attributes: [String], sizeLimit: Int = 100
    ) {
        self.base = base
        self.scope = scope
        self.filter = filter
        self.attributes = attributes
        self.sizeLimit = sizeLimit
    }
}

/// The scope of a search.
public enum LDAPSearchScope: String, Sendable, Hashable, Codable {
    /// The base entry only.
    case base
    /// The entries immediately below the base.
    case oneLevel
    /// The base and everything below it.
    case subtree
}
