/// The reference's `SsoLoginParams`: start an enterprise login for an email domain.
public struct SsoLoginParams: Sendable, Hashable, Codable {
    /// The email domain, or a whole email address, to route.
    public var domain: String
    /// A redirect URI override; it must be on the connection's `redirect_uris` allow-list.
    public var redirectURI: String?

    /// Creates parameters for ``SsoOrganization/getLoginURL(_:)``.
    public init(domain: String, redirectURI: String? = nil) {
        self.domain = domain
        self.redirectURI = redirectURI
    }

    enum CodingKeys: String, CodingKey {
        case domain
        case redirectURI = "redirect_uri"
    }
}

/// The reference's `SsoLoginResponse` (enterprise and legacy: the legacy form has only
/// `authorize_url`).
public struct SsoLoginResponse: Sendable, Hashable, Codable {
    /// Where to redirect the browser.
    public var authorizeURL: String
    /// The connection the domain routed to (enterprise logins).
    public var connectionID: String?
    /// The connection's protocol (enterprise logins).
    public var `protocol`: SsoProtocol?

    /// Creates a response; a legacy login sets only `authorizeURL`.
    public init(authorizeURL: String, connectionID: String? = nil, protocol: SsoProtocol? = nil) {
        self.authorizeURL = authorizeURL
        self.connectionID = connectionID
        self.protocol = `protocol`
    }

    enum CodingKeys: String, CodingKey {
        case authorizeURL = "authorize_url", connectionID = "connection_id", `protocol`
    }
}
