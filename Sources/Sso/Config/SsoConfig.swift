import Foundation

/// The reference's `SsoConfig`: the legacy configuration without its secret.
public struct SsoConfig: Sendable, Hashable, Codable {
    public var issuerURL: String
    public var clientID: String
    public var redirectURI: String
    @ISO8601Timestamp public var createdAt: Date
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
