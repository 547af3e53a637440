import Foundation

/// The reference's `SsoSession`: an SSO login that has not expired or been revoked.
public struct SsoSession: Sendable, Hashable, Codable, Identifiable {
    /// `sso_sess_…`.
    public var id: String
    /// The user's email address, normalised at login; empty for a legacy login whose user has none.
    public var email: String
    /// The connection the session came from (`connection_id`); `sso_config:<organization id>` for a
    /// legacy login.
    public var connectionID: String
    /// The connection's current name (`connection_name`); `Legacy SSO config` for a legacy login.
    public var connectionName: String
    /// When the login created the session (`created_at`, ISO 8601 in UTC).
    @ISO8601Timestamp public var createdAt: Date
    /// When the session expires (`expires_at`, ISO 8601 in UTC): the engine's session lifetime after
    /// creation, or the SAML `SessionNotOnOrAfter` when that is earlier.
    @ISO8601Timestamp public var expiresAt: Date

    /// Creates a session view from its parts.
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

    /// Creates a list of `sessions`, in the order given.
    public init(sessions: [SsoSession]) {
        self.sessions = sessions
    }
}
