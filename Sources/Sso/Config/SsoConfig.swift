import Foundation

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

/// The legacy configuration as stored, secret included.
public struct SsoConfigRecord: Sendable, Equatable {
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
}
