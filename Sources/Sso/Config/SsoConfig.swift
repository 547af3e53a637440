import Foundation

/// The reference's `SsoConfig`: the legacy configuration without its secret.
public struct SsoConfig: Sendable, Hashable, Codable {
    /// The OIDC issuer URL (`issuer_url`), compared exactly with the ID token's `iss`.
    public var issuerURL: String
    /// The client id registered at the identity provider (`client_id`).
    public var clientID: String
    /// The redirect URI every legacy login returns to (`redirect_uri`).
    public var redirectURI: String
    /// When the config was first set (`created_at`, ISO 8601 in UTC); replacing the config keeps it.
    @ISO8601Timestamp public var createdAt: Date
    /// When the config was last set or replaced (`updated_at`, ISO 8601 in UTC).
    @ISO8601Timestamp public var updatedAt: Date

    /// The secret-free view of `record`.
    public init(_ record: SsoConfigRecord) {
        issuerURL = record.issuerURL
        clientID = record.clientID
        redirectURI = record.redirectURI
        createdAt = record.createdAt
        updatedAt = record.updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case issuerURL = "issuer_url", clientID = "client_id", redirectURI = "redirect_uri"
        case createdAt = "created_at", updatedAt = "updated_at"
    }
}
