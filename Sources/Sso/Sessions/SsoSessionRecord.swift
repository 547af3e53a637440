import Foundation

/// A session as stored, with what the engine needs beyond the API view.
public struct SsoSessionRecord: Sendable, Hashable, Codable {
    /// The session id (`sso_sess_…`) the host passes to ``SsoOrganization/validateSession(_:)``.
    public var id: String
    /// The organization the session belongs to; other organizations never see it.
    public var organizationID: String
    /// The connection the session came from, or `sso_config:<organization id>` for a legacy login;
    /// revoking a connection's sessions matches on it.
    public var connectionID: String
    /// The connection's name when the session was created (the API shows the current one).
    public var connectionName: String
    /// The user's email address, normalised at login; empty for a legacy login whose user has none.
    public var email: String
    /// The developer record (`dev_…`) the session belongs to.
    public var userID: String
    /// The subject at the IdP.
    public var subject: String
    /// When the session was created, by the engine's clock.
    public var createdAt: Date
    /// When the session stops being active: it is active while `now < expiresAt`.
    public var expiresAt: Date
    /// When it was revoked; `nil` while it is not.
    public var revokedAt: Date?

    /// Creates a record from its parts, as a store rebuilds it.
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
