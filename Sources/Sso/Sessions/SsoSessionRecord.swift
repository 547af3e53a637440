import Foundation

/// A session as stored, with what the engine needs beyond the API view.
public struct SsoSessionRecord: Sendable, Hashable, Codable {
    public var id: String
    public var organizationID: String
    public var connectionID: String
    /// The connection's name when the session was created (the API shows the current one).
    public var connectionName: String
    public var email: String
    /// The developer record (`dev_…`) the session belongs to.
    public var userID: String
    /// The subject at the IdP.
    public var subject: String
    public var createdAt: Date
    public var expiresAt: Date
    /// When it was revoked; `nil` while it is not.
    public var revokedAt: Date?

    public init(
        id: String, organizationID: String, connectionID: String, connectionName: String, email: String, userID: String,
        subject: String, createdAt: Date, expiresAt: Date, revokedAt: Date? = nil
    ) {
        self.id = id
        self.organizationID = organizationID
        self.connectionID = connectionID
        self.connectionName = connectionName
        self.email = email
        self.userID = userID
        self.subject = subject
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Whether the session is usable at `now`: not revoked and `now < expiresAt`.
    public func isActive(at now: Date) -> Bool {
        revokedAt == nil && now < expiresAt
    }
}
