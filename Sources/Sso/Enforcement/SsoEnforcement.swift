/// The reference's `SsoEnforcementParams`.
public struct SsoEnforcementParams: Sendable, Hashable, Codable {
    /// Whether members must log in through SSO.
    public var enforced: Bool
    /// Roles that may still log in with a password while SSO is enforced (exact match).
    public var exemptRoles: [String]

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

/// The reference's `SsoEnforcement`: an organization's enforcement policy. Not enforced until set.
public struct SsoEnforcement: Sendable, Hashable, Codable {
    public var enforced: Bool
    public var exemptRoles: [String]

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

/// What the host server should do with a password login.
public enum SsoPasswordLoginDecision: Sendable, Hashable {
    /// The password login may proceed (SSO not enforced, or the role is exempt).
    case allowed
    /// The member must log in through SSO; `reason` can be shown to them.
    case denied(reason: String)

    /// Whether the login may proceed.
    public var isAllowed: Bool {
        if case .allowed = self { return true }
        return false
    }
}
