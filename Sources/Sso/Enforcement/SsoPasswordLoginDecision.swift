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
