import Foundation

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
