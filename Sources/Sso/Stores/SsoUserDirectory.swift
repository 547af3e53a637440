/// Developer records, keyed by (connection, subject): where JIT provisioning writes and where
/// every SSO login finds its user.
public protocol SsoUserDirectory: Sendable {
    /// The user that `subject` of `connectionID` is linked to.
    func user(connectionID: String, subject: String) async throws -> SsoUser?
    /// Adds `user` unless a user with the same (connection, subject) exists; returns the stored
    /// user and whether it was added. Must be atomic (two first logins create one user).
    func insertIfAbsent(_ user: SsoUser) async throws -> (user: SsoUser, inserted: Bool)
    /// Removes the user with `id` (used to undo a provisioning whose login then failed).
    func remove(id: String) async throws
    /// The organization's users, oldest first.
    func users(organizationID: String) async throws -> [SsoUser]
}
