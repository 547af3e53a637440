/// The reference's `SsoEnforcementParams`.
public struct SsoEnforcementParams: Sendable, Hashable, Codable {
    /// Whether members must log in through SSO.
    public var enforced: Bool
    /// Roles that may still log in with a password while SSO is enforced (exact match).
    public var exemptRoles: [String]

    /// Creates parameters for ``SsoOrganization/setEnforcement(_:)``, which trims the exempt roles and
    /// removes duplicates.
    public init(enforced: Bool, exemptRoles: [String] = []) {
        self.enforced = enforced
        self.exemptRoles = exemptRoles
    }

    enum CodingKeys: String, CodingKey {
        case enforced
        case exemptRoles = "exempt_roles"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        enforced = try c.decode(Bool.self, forKey: .enforced)
        exemptRoles = try c.decodeIfPresent([String].self, forKey: .exemptRoles) ?? []
    }
}
