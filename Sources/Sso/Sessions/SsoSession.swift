import Foundation

/// The reference's `SsoSession`: an SSO login that has not expired or been revoked.
public struct SsoSession: Sendable, Hashable, Codable, Identifiable {
    /// `sso_sess_…`.
    public var id: String
    public var email: String
    public var connectionID: String
    public var connectionName: String
    @ISO8601Timestamp public var createdAt: Date
    @ISO8601Timestamp public var expiresAt: Date

    public init(
        id: String, email: String, connectionID: String, connectionName: String, createdAt: Date, expiresAt: Date
    ) {
        self.id = id
        self.email = email
        self.connectionID = connectionID
        self.connectionName = connectionName
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    enum CodingKeys: String, CodingKey {
        case id, email
        case connectionID = "connection_id", connectionName = "connection_name"
        case createdAt = "created_at", expiresAt = "expires_at"
    }
}

/// The reference's `SsoSessionList`.
public struct SsoSessionList: Sendable, Hashable, Codable {
    /// Active sessions, oldest first.
    public var sessions: [SsoSession]

    public init(sessions: [SsoSession]) {
        self.sessions = sessions
    }
}
