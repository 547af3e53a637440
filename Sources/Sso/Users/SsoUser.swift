import Foundation

/// A developer record: a user known through one connection, keyed by (connection, issuer, subject).
///
/// Accounts are linked by the IdP's (issuer, subject) pair (OpenID Connect Core §5.7), never by
/// email or subject alone, so neither an IdP that asserts someone else's address nor a new IdP
/// reusing an old subject can take over a record.
public struct SsoUser: Sendable, Hashable, Codable, Identifiable {
    /// `dev_…`.
    public var id: String
    /// The organization the user belongs to (`organization_id`).
    public var organizationID: String
    /// The connection the user logs in through (`connection_id`); `sso_config:<organization id>` for a
    /// user of the legacy config.
    public var connectionID: String
    /// The subject at the IdP (OIDC `sub`, SAML NameID, LDAP entry).
    public var subject: String
    /// Who issued ``subject``: the OIDC `iss`, the SAML IdP entity ID, or the LDAP server URL.
    /// `nil` for records stored before issuers were recorded; such a record links no login.
    public var issuer: String?
    /// The email address, normalised, as the identity provider asserted it when the record was
    /// created; `nil` when it sent none (possible with the legacy config only).
    public var email: String?
    /// The display name the identity provider sent when the record was created; `nil` when it sent none.
    public var name: String?
    /// The member's role (for a JIT-provisioned user, the connection's `default_role`); `nil` for none.
    /// The host decides what a role grants.
    public var role: String?
    /// Whether the record was created by JIT provisioning.
    public var provisioned: Bool
    /// When the record was created (`created_at`, ISO 8601 in UTC).
    @ISO8601Timestamp public var createdAt: Date

    /// Creates a record from its parts; with `issuer` `nil` the record links no login.
    public init(
        id: String, organizationID: String, connectionID: String, subject: String, email: String?, name: String?,
        role: String?, provisioned: Bool, createdAt: Date, issuer: String? = nil
    ) {
        self.issuer = issuer
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
        case id, subject, issuer, email, name, role, provisioned
        case organizationID = "organization_id", connectionID = "connection_id", createdAt = "created_at"
    }
}
