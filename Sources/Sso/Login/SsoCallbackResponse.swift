/// The reference's `SsoCallbackResponse`: who logged in, plus the groups and scopes the
/// protocol reported (LDAP group mapping, SAML/OIDC groups).
public struct SsoCallbackResponse: Sendable, Hashable, Codable {
    /// The user's email address as the identity provider asserted it, normalised (case-folded, ASCII
    /// domain); its domain routes to ``connectionID``.
    public var email: String?
    /// The display name the identity provider sent, else the stored user's; `nil` when neither has one.
    public var name: String?
    /// The subject at the IdP.
    public var sub: String?
    /// The developer record (`dev_…`).
    public var developerID: String
    /// The connection the user logged in through (`connection_id`, `sso_conn_…`).
    public var connectionID: String
    /// Whether this login JIT-provisioned the developer record.
    public var provisioned: Bool
    /// The session the login created (`sso_sess_…`).
    public var sessionID: String?
    /// The user's groups as the identity provider or directory reported them; `nil` when there are none.
    public var groups: [String]?
    /// Scopes the LDAP connection's `group_mapping` grants the user (possibly empty); `nil` for OIDC and
    /// SAML logins.
    public var scopes: [String]?

    /// Creates a response from its parts.
    public init(
        email: String?, name: String?, sub: String?, developerID: String, connectionID: String, provisioned: Bool,
        sessionID: String? = nil, groups: [String]? = nil, scopes: [String]? = nil
    ) {
        self.email = email
        self.name = name
        self.sub = sub
        self.developerID = developerID
        self.connectionID = connectionID
        self.provisioned = provisioned
        self.sessionID = sessionID
        self.groups = groups
        self.scopes = scopes
    }

    enum CodingKeys: String, CodingKey {
        case email, name, sub, provisioned, groups, scopes
        case developerID = "developer_id", connectionID = "connection_id", sessionID = "session_id"
    }
}
