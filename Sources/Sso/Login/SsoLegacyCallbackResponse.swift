/// The reference's legacy `SsoCallbackResponse` (single-config flow): who logged in.
public struct SsoLegacyCallbackResponse: Sendable, Hashable, Codable {
    /// The developer record (`dev_…`).
    public var developerID: String
    public var email: String?
    public var name: String?
    /// The OIDC subject.
    public var sub: String?

    public init(developerID: String, email: String?, name: String?, sub: String?) {
        self.developerID = developerID
        self.email = email
        self.name = name
        self.sub = sub
    }

    enum CodingKeys: String, CodingKey {
        case email, name, sub
        case developerID = "developer_id"
    }
}
