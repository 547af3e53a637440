/// Developer records, keyed by (connection, issuer, subject): where JIT provisioning writes and
/// where every SSO login finds its user.
///
/// Only the (issuer, subject) pair identifies an external user (OpenID Connect Core §5.7): after
/// an admin points a connection at another IdP, an equal subject from the new IdP is someone else.
/// Directories written before issuers were recorded keep working through the default
/// ``user(connectionID:issuer:subject:)``, which ignores a record stored under another issuer.
/// Ids, issuers and subjects compare by their exact UTF-8 bytes; `insertIfAbsent` is one atomic
/// conditional insert (a unique key on connection, issuer and subject in a database).
public protocol SsoUserDirectory: Sendable {
    /// The user that `subject` of `connectionID` is linked to, whatever its issuer.
    /// The engine does not call this; it uses ``user(connectionID:issuer:subject:)``.
    func user(connectionID: String, subject: String) async throws -> SsoUser?
    /// The user that (`issuer`, `subject`) of `connectionID` is linked to; never a record whose
    /// ``SsoUser/issuer`` differs from `issuer`.
    func user(connectionID: String, issuer: String, subject: String) async throws -> SsoUser?
    /// Adds `user` unless a user with the same (connection, issuer, subject) exists; returns the
    /// stored user and whether it was added. Must be atomic (two first logins create one user).
    /// A directory keyed by (connection, subject) only may return a record of another issuer:
    /// the engine then refuses the login (`user.identity_conflict`) rather than reuse it.
    func insertIfAbsent(_ user: SsoUser) async throws -> (user: SsoUser, inserted: Bool)
    /// Removes the user with `id` (used to undo a provisioning whose login then failed).
    func remove(id: String) async throws
    /// The organization's users, oldest first (ties by id, as bytes).
    func users(organizationID: String) async throws -> [SsoUser]
}

extension SsoUserDirectory {
    /// The (connection, subject) record, if it was stored under `issuer`.
    public func user(connectionID: String, issuer: String, subject: String) async throws -> SsoUser? {
        guard let user = try await user(connectionID: connectionID, subject: subject), user.issuer.bytesEqual(issuer)
        else {
            return nil
        }
        return user
    }
}
