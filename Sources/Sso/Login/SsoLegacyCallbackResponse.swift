/// The reference's legacy `SsoCallbackResponse` (single-config flow): who logged in.
public struct SsoLegacyCallbackResponse: Sendable, Hashable, Codable {
    /// The developer record (`dev_…`).
    public var developerID: String
    public var email: String?
    public var name: String?
    /// The OIDC subject.
    public var sub: String?
    /// The session the login created (`sso_sess_…`); not in the reference's legacy shape, so
    /// encoded only when present, like ``SsoCallbackResponse/sessionID``.
    public var sessionID: String?

    public init(developerID: String, email: String?, name: String?, sub: String?, sessionID: String? = nil) {
        self.developerID = developerID
        self.email = email
        self.name = name
        self.sub = sub
        self.sessionID = sessionID
    }

    enum CodingKeys: String, CodingKey {
        case email, name, sub
        case developerID = "developer_id", sessionID = "session_id"
    }
}
