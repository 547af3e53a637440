/// What a completed SSO login produced: the linked (or provisioned) user and the new session.
struct SsoLoginOutcome: Sendable {
    var user: SsoUser
    /// Whether the user was JIT-provisioned by this login.
    var provisioned: Bool
    var session: SsoSession
    /// The identity's email, normalised.
    var email: EmailAddress
}
