/// The reference's `SsoCallbackResponse`: who logged in, plus the groups and scopes the
/// protocol reported (LDAP group mapping, SAML/OIDC groups).
public struct SsoCallbackResponse: Sendable, Hashable, Codable {
    public var email: String?
    public var name: String?
    /// The subject at the IdP.
    public var sub: String?
    /// The developer record (`dev_…`).
    public var developerID: String
    public var connectionID: String
    /// Whether this login JIT-provisioned the developer record.
    public var provisioned: Bool
    /// The session the login created (`sso_sess_…`).
    public var sessionID: String?
    public var groups: [String]?
    public var scopes: [String]?

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
