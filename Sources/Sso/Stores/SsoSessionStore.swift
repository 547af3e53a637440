import Foundation

/// Where SSO sessions live. Every method is one atomic statement. Expiry and revocation are
/// judged with the `now` the engine passes (from its injected clock), never with the store's
/// own clock, and every read is scoped to one organization.
public protocol SsoSessionStore: Sendable {
    /// Adds a session (`store.duplicate_key` if its id is taken).
    func insert(_ session: SsoSessionRecord) async throws
    /// The organization's session with `id`, active or not; `nil` for another organization's.
    func session(id: String, organizationID: String) async throws -> SsoSessionRecord?
    /// The organization's sessions that are active at `now`, oldest first (ties by id, as bytes).
    func sessions(organizationID: String, activeAt now: Date) async throws -> [SsoSessionRecord]
    /// Marks the organization's session revoked at `now`; returns `false` if it was unknown,
    /// another organization's, or already inactive.
    func revoke(id: String, organizationID: String, at now: Date) async throws -> Bool
    /// Revokes every active session of a connection; returns how many.
    @discardableResult
    func revokeAll(connectionID: String, at now: Date) async throws -> Int
    /// Deletes at most `limit` sessions that expired or were revoked at or before `cutoff`;
    /// returns how many.
    @discardableResult
    func purgeInactive(before cutoff: Date, limit: Int) async throws -> Int
}
