import Foundation

/// The legacy configuration as stored, secret included. Its `Codable` form seals
/// `client_secret` with the coder's `userInfo[.ssoSecretSealer]` (else `<redacted>`).
public struct SsoConfigRecord: Sendable, Equatable, Codable {
    /// The organization the config belongs to (`organization_id`).
    public var organizationID: String
    /// The OIDC issuer URL (`issuer_url`); legacy users are linked under it, so changing it revokes
    /// the legacy sessions.
    public var issuerURL: String
    /// The client id registered at the identity provider (`client_id`).
    public var clientID: String
    /// The client secret (`client_secret`). It never leaves the record: ``SsoConfig`` omits it and
    /// its encoding is sealed or `<redacted>`.
    public var clientSecret: Secret
    /// The redirect URI every legacy login returns to (`redirect_uri`).
    public var redirectURI: String
    /// When the config was first set, by the engine's clock; replacing the config keeps it.
    public var createdAt: Date
    /// When the config was last set or replaced, by the engine's clock.
    public var updatedAt: Date

    /// Creates a record from its parts, as a store rebuilds it; nothing is validated here.
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
