extension SsoOrganization {
    /// Sets the enforcement policy (reference: `set_enforcement`).
    /// - Throws: `enforcement.invalid_params` naming the field.
    public func setEnforcement(_ params: SsoEnforcementParams) async throws(SsoError) -> SsoEnforcement {
        let rules = FieldRules(code: .enforcementInvalidParams)
        let roles = try rules.textList(params.exemptRoles, "exempt_roles", maxCount: 100, maxBytes: 64)
        let enforcement = SsoEnforcement(enforced: params.enforced, exemptRoles: roles)
        let organizations = stores.organizations
        let organizationID = id
        try await storeCall("organization") {
            try await organizations.setEnforcement(enforcement, organizationID: organizationID)
        }
        logger.info("sso enforcement set", metadata: ["organization_id": "\(id)", "enforced": "\(params.enforced)"])
        return enforcement
    }

    /// The enforcement policy; not enforced until set (reference: `get_enforcement`).
    public func getEnforcement() async throws(SsoError) -> SsoEnforcement {
        let organizations = stores.organizations
        let organizationID = id
        return try await storeCall("organization") {
            try await organizations.enforcement(organizationID: organizationID)
        }
            ?? SsoEnforcement()
    }

    /// What the host should do with a password login by a member with `role` (call it before
    /// checking the password): denied, with a reason, for a non-exempt role while SSO is enforced.
    public func passwordLoginDecision(role: String?) async throws(SsoError) -> SsoPasswordLoginDecision {
        try await getEnforcement().passwordLoginDecision(role: role)
    }
}
