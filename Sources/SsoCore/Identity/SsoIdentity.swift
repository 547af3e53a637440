/// Who logged in, as an identity provider described them.
public struct SsoIdentity: Sendable, Hashable, Codable {
    /// The stable subject at the IdP: OIDC `sub`, SAML NameID, LDAP entry id or DN.
    public var subject: String
    /// The email address, when the IdP gave one.
    public var email: String?
    /// Whether the IdP asserted the email as verified (`nil` when it said nothing).
    public var emailVerified: Bool?
    /// The display name, when the IdP gave one.
    public var name: String?
    /// Group names or DNs the IdP reported.
    public var groups: [String]
    /// Every attribute or claim as received, multi-valued.
    public var attributes: [String: [String]]
    /// The connection that authenticated the user.
    public var connectionID: String?

    /// Creates an identity; only `subject` is required.
    public init(
        subject: String,
        email: String? = nil,
        emailVerified: Bool? = nil,
        name: String? = nil,
        groups: [String] = [],
        attributes: [String: [String]] = [:],
        connectionID: String? = nil
    ) {
        self.subject = subject
        self.email = email
        self.emailVerified = emailVerified
        self.name = name
        self.groups = groups
        self.attributes = attributes
        self.connectionID = connectionID
    }
}
