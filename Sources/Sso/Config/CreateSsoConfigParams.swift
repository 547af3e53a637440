/// The reference's `CreateSsoConfigParams`: an organization's legacy single OIDC configuration.
public struct CreateSsoConfigParams: Sendable, Codable {
    /// The OIDC issuer URL (`issuer_url`): `https`, or `http` for a loopback host, without a query;
    /// compared exactly with the ID token's `iss`.
    public var issuerURL: String
    /// The client id registered at the identity provider (`client_id`, at most 255 bytes).
    public var clientID: String
    /// Write-only: prints and encodes as `<redacted>`, never returned.
    public var clientSecret: Secret
    /// The redirect URI registered at the provider (`redirect_uri`) that every legacy login returns to:
    /// `https`, or `http` for a loopback host.
    public var redirectURI: String

    /// Creates legacy config parameters from their parts; ``SsoOrganization/createConfig(_:)`` validates them.
    public init(issuerURL: String, clientID: String, clientSecret: Secret, redirectURI: String) {
        self.issuerURL = issuerURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURI = redirectURI
    }

    enum CodingKeys: String, CodingKey {
        case issuerURL = "issuer_url", clientID = "client_id", clientSecret = "client_secret"
        case redirectURI = "redirect_uri"
    }
}
