/// The reference's legacy `SsoCallbackResponse` (single-config flow): who logged in.
public struct SsoLegacyCallbackResponse: Sendable, Hashable, Codable {
    /// The developer record (`dev_…`).
    public var developerID: String
    /// The user's email address as the identity provider asserted it, normalised, else the stored
    /// user's; `nil` when neither has one.
    public var email: String?
    /// The display name the identity provider sent; `nil` when it sent none.
    public var name: String?
    /// The OIDC subject.
    public var sub: String?
    /// The session the login created (`sso_sess_…`); not in the reference's legacy shape, so
    /// encoded only when present, like ``SsoCallbackResponse/sessionID``.
    public var sessionID: String?

    /// Creates a response from its parts.
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
