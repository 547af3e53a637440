import Foundation

/// A developer record: a user known through one connection, keyed by (connection, subject).
///
/// Accounts are linked by the IdP's subject, never by email alone, so an IdP that asserts
/// someone else's address cannot take over their record.
public struct SsoUser: Sendable, Hashable, Codable, Identifiable {
    /// `dev_…`.
    public var id: String
    public var organizationID: String
    public var connectionID: String
    /// The subject at the IdP (OIDC `sub`, SAML NameID, LDAP entry).
    public var subject: String
    public var email: String?
    public var name: String?
    public var role: String?
    /// Whether the record was created by JIT provisioning.
    public var provisioned: Bool
    @ISO8601Timestamp public var createdAt: Date

    public init(
        id: String, organizationID: String, connectionID: String, subject: String, email: String?, name: String?,
        role: String?, provisioned: Bool, createdAt: Date
    ) {
        self.id = id
        self.organizationID = organizationID
        self.connectionID = connectionID
        self.subject = subject
        self.email = email
        self.name = name
        self.role = role
        self.provisioned = provisioned
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, subject, email, name, role, provisioned
        case organizationID = "organization_id", connectionID = "connection_id", createdAt = "created_at"
    }
}
