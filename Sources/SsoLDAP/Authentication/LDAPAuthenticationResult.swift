/// A successful LDAP authentication: who the directory says the user is, and what they may do.
public struct LDAPAuthenticationResult: Sendable, Equatable {
    /// The user's DN exactly as the server returned it (never the typed username).
    public var dn: String
    /// The stable id (`entryUUID`, `objectGUID`, `ipaUniqueID`, …), or the DN when none is configured.
    public var id: String
    /// The email address, when the entry has one.
    public var email: String?
    /// The display name, when the entry has one.
    public var name: String?
    /// The DNs of the user's groups, nested ones included, sorted.
    public var groups: [String]
    /// The union of the mapped scopes (or the default role), sorted.
    public var scopes: [String]
    /// Seconds until the password expires, when the server warned.
    public var passwordExpiresIn: Int?

    /// Creates a result (the authenticator and the engine's tests do).
    package init(
        dn: String, id: String, email: String?, name: String?, groups: [String], scopes: [String],
        passwordExpiresIn: Int? = nil
    ) {
        self.dn = dn
        self.id = id
        self.email = email
        self.name = name
        self.groups = groups
        self.scopes = scopes
        self.passwordExpiresIn = passwordExpiresIn
    }

    /// The identity for the engine: subject = the stable id; DN and scopes as attributes.
    public func identity(connectionID: String? = nil) -> SsoIdentity {
        SsoIdentity(
            subject: id, email: email, emailVerified: nil, name: name, groups: groups,
            attributes: ["dn": [dn], "scopes": scopes], connectionID: connectionID)
    }

    /// ``identity(connectionID:)`` without a connection.
    public var identity: SsoIdentity { identity() }
}
