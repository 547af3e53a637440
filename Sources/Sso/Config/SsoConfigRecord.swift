import Foundation

/// The legacy configuration as stored, secret included. Its `Codable` form seals
/// `client_secret` with the coder's `userInfo[.ssoSecretSealer]` (else `<redacted>`).
public struct SsoConfigRecord: Sendable, Equatable, Codable {
    public var organizationID: String
    public var issuerURL: String
    public var clientID: String
    public var clientSecret: Secret
    public var redirectURI: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        organizationID: String, issuerURL: String, clientID: String, clientSecret: Secret, redirectURI: String,
        createdAt: Date, updatedAt: Date
    ) {
        self.organizationID = organizationID
        self.issuerURL = issuerURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURI = redirectURI
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    private enum CodingKeys: String, CodingKey {
        case organizationID = "organization_id", issuerURL = "issuer_url", clientID = "client_id"
        case clientSecret = "client_secret", redirectURI = "redirect_uri"
        case createdAt = "created_at", updatedAt = "updated_at"
    }
}
