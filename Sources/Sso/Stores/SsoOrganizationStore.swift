/// Per-organization settings: the SSO enforcement policy and the legacy single OIDC config.
public protocol SsoOrganizationStore: Sendable {
    /// The organization's enforcement policy, or `nil` if never set.
    func enforcement(organizationID: String) async throws -> SsoEnforcement?
    /// Sets the organization's enforcement policy.
    func setEnforcement(_ enforcement: SsoEnforcement, organizationID: String) async throws
    /// The organization's legacy config, or `nil`.
    func config(organizationID: String) async throws -> SsoConfigRecord?
    /// Sets (or, with `nil`, deletes) the legacy config and returns the previous one.
    @discardableResult
    func replaceConfig(_ config: SsoConfigRecord?, organizationID: String) async throws -> SsoConfigRecord?
}
