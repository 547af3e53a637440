import Foundation

/// Everything an ``LDAPAuthenticator`` needs to know about one directory connection.
///
/// Defaults are the safe choice: StartTLS, service-account search, the username escaped into
/// `(uid=…)`, exactly one match required, groups from `memberOf` with a bounded nested walk.
public struct LDAPConfiguration: Sendable {
    /// Where and how to connect.
    public var endpoint: LDAPEndpoint
    /// The account the user search runs as.
    public var serviceAccount: LDAPServiceAccount
    /// How the user's DN is found.
    public var userLookup: LDAPUserLookup
    /// Which attributes become the identity's email, name and stable id.
    public var attributes: LDAPAttributeMapping
    /// How group membership is read.
    public var groups: LDAPGroupConfiguration
    /// Group DN or CN → scopes. Keys match case-insensitively on normalised DNs; a key without `=`
    /// matches a group's first RDN value (its CN).
    public var groupMapping: [String: [String]]
    /// The scope given to a user whose groups map to nothing (unless ``requireGroup``).
    public var defaultRole: String?
    /// Refuse (`ldap.group_required`) a user whose groups map to no scope — or, with an empty
    /// mapping, a user in no group at all.
    public var requireGroup: Bool
    /// One deadline for the whole authentication, whatever the number of round trips.
    public var authenticationTimeout: Duration
    /// The most pooled service-account connections.
    public var poolSize: Int
    /// The most user binds in flight at once (each holds a connection and a blocked libldap thread).
    public var maximumConcurrentBinds: Int
    /// The longest accepted username, in UTF-8 bytes.
    public var maximumUsernameLength: Int
    /// The longest accepted password, in UTF-8 bytes.
    public var maximumPasswordLength: Int

    /// Creates a configuration; everything but where to connect, as whom, and how to find the
    /// user has a safe default. Checked when an ``LDAPAuthenticator`` is created.
    public init(
        endpoint: LDAPEndpoint,
        serviceAccount: LDAPServiceAccount,
        userLookup: LDAPUserLookup,
        attributes: LDAPAttributeMapping = LDAPAttributeMapping(),
        groups: LDAPGroupConfiguration = LDAPGroupConfiguration(),
        groupMapping: [String: [String]] = [:],
        defaultRole: String? = nil,
        requireGroup: Bool = false,
        authenticationTimeout: Duration = .seconds(10),
        poolSize: Int = 4,
        maximumConcurrentBinds: Int = 32,
        maximumUsernameLength: Int = 256,
        maximumPasswordLength: Int = 1024
    ) {
        self.endpoint = endpoint
        self.serviceAccount = serviceAccount
        self.userLookup = userLookup
        self.attributes = attributes
        self.groups = groups
        self.groupMapping = groupMapping
        self.defaultRole = defaultRole
        self.requireGroup = requireGroup
        self.authenticationTimeout = authenticationTimeout
        self.poolSize = poolSize
        self.maximumConcurrentBinds = maximumConcurrentBinds
        self.maximumUsernameLength = maximumUsernameLength
        self.maximumPasswordLength = maximumPasswordLength
    }

    /// Throws `ldap.invalid_configuration` for anything unsafe or malformed.
    package func validate() throws(SsoError) {
        func invalid(_ message: String) -> SsoError { SsoError(.ldapInvalidConfiguration, message) }
        if let dn = serviceAccount.dn {
            guard !dn.isEmpty, LDAPDistinguishedName.parse(dn) != nil else {
                throw invalid("the service bind DN is malformed")
            }
            guard serviceAccount.password?.isEmpty == false else {
                throw invalid("the service account needs a password (an empty one is an unauthenticated bind)")
            }
        }
        switch userLookup {
        case .search(let base, let attribute, let filter, _):
            guard LDAPDistinguishedName.parse(base) != nil else { throw invalid("the user base DN is malformed") }
            guard LDAPFilter.isValidAttributeName(attribute) else {
                throw invalid("the user attribute is not a valid attribute name")
            }
            if let filter, !LDAPFilter.isWellFormed(filter) {
                throw invalid("the extra user filter must be a parenthesised filter")
            }
        case .directBind(let template, let base):
            let parts = template.components(separatedBy: LDAPUserLookup.placeholder)
            guard parts.count == 2,
                LDAPDistinguishedName.parse(template.replacingOccurrences(of: LDAPUserLookup.placeholder, with: "x"))
                    != nil
            else { throw invalid("the bind DN template must be a DN containing {username} exactly once") }
            if let base, LDAPDistinguishedName.parse(base) == nil { throw invalid("the user base DN is malformed") }
        }
        for name in [attributes.email] + attributes.name + attributes.id where !LDAPFilter.isValidAttributeName(name) {
            throw invalid("'\(name)' is not a valid attribute name")
        }
        try groups.validate()
        guard poolSize >= 1, poolSize <= 256 else { throw invalid("the pool size must be between 1 and 256") }
        guard maximumConcurrentBinds >= 1, maximumConcurrentBinds <= 1024 else {
            throw invalid("maximumConcurrentBinds must be between 1 and 1024")
        }
        guard authenticationTimeout > .zero else { throw invalid("the authentication timeout must be positive") }
        guard maximumUsernameLength >= 1, maximumPasswordLength >= 1 else {
            throw invalid("length limits must be positive")
        }
    }
}

/// How the authenticator finds the user's entry.
public enum LDAPUserLookup: Sendable {
    static let placeholder = "{username}"

    /// Search `base` for `(attribute=<escaped username>)`, AND-ed with `filter` when given;
    /// exactly one entry must match.
    case search(base: String, attribute: String = "uid", filter: String? = nil, scope: LDAPSearchScope = .subtree)
    /// Bind directly as `template` with `{username}` replaced by the RFC 4514-escaped username
    /// (e.g. `uid={username},ou=people,dc=example,dc=org`), then read that entry.
    case directBind(template: String, base: String? = nil)
}

/// Which attributes are read into the identity.
public struct LDAPAttributeMapping: Sendable {
    /// The email attribute (`mail`, or `userPrincipalName` on some Active Directory setups).
    public var email: String
    /// Display-name attributes, first present wins.
    public var name: [String]
    /// Stable-id attributes, first present wins (`objectGUID` is formatted as a GUID string).
    /// An empty list uses the DN. None present → `ldap.missing_identifier`.
    public var id: [String]

    /// The usual attributes of OpenLDAP, 389-ds, FreeIPA and Active Directory.
    public init(
        email: String = "mail", name: [String] = ["displayName", "cn"],
        id: [String] = ["objectGUID", "ipaUniqueID", "entryUUID", "nsUniqueId"]
    ) {
        self.email = email
        self.name = name
        self.id = id
    }
}
