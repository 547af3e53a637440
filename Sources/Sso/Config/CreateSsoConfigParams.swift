/// The reference's `CreateSsoConfigParams`: an organization's legacy single OIDC configuration.
public struct CreateSsoConfigParams: Sendable, Codable {
    public var issuerURL: String
    public var clientID: String
    /// Write-only: prints and encodes as `<redacted>`, never returned.
    public var clientSecret: Secret
    public var redirectURI: String

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
