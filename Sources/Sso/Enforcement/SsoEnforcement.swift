/// The reference's `SsoEnforcement`: an organization's enforcement policy. Not enforced until set.
public struct SsoEnforcement: Sendable, Hashable, Codable {
    /// Whether members must log in through SSO (`enforced`).
    public var enforced: Bool
    /// Roles that may still log in with a password while SSO is enforced (`exempt_roles`), compared
    /// exactly (case-sensitive).
    public var exemptRoles: [String]

    /// Creates a policy; the defaults are those of an organization that never set one.
    public init(enforced: Bool = false, exemptRoles: [String] = []) {
        self.enforced = enforced
        self.exemptRoles = exemptRoles
    }

    enum CodingKeys: String, CodingKey {
        case enforced
        case exemptRoles = "exempt_roles"
    }

    /// Whether a member with `role` may log in with a password. Roles compare exactly
    /// (case-sensitive): a role that only looks like an exempt one is not exempt. A member whose
    /// role is unknown (`nil`) is never exempt.
    public func passwordLoginDecision(role: String?) -> SsoPasswordLoginDecision {
        guard enforced else { return .allowed }
        if let role, exemptRoles.contains(role) { return .allowed }
        let who = role.map { "the role '\($0)'" } ?? "a member without a role"
        return .denied(reason: "SSO is enforced for this organization and \(who) is not exempt; log in through SSO")
    }
}
