/// What a completed SSO login produced: the linked (or provisioned) user and the new session.
package struct SsoLoginOutcome: Sendable {
    package var user: SsoUser
    /// Whether the user was JIT-provisioned by this login.
    package var provisioned: Bool
    package var session: SsoSession
    /// The identity's email, normalised.
    package var email: EmailAddress
}
