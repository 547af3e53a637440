import Foundation

/// Where SSO sessions live. Expiry and revocation are judged with the `now` the engine passes
/// (from its injected clock), never with the store's own clock.
public protocol SsoSessionStore: Sendable {
    /// Adds a session.
    func insert(_ session: SsoSessionRecord) async throws
    /// The session with `id` (active or not), in any organization.
    func session(id: String) async throws -> SsoSessionRecord?
    /// The organization's sessions that are active at `now`, oldest first.
    func sessions(organizationID: String, activeAt now: Date) async throws -> [SsoSessionRecord]
    /// Marks the session revoked at `now`; returns `false` if it was unknown or already inactive.
    func revoke(id: String, at now: Date) async throws -> Bool
    /// Revokes every active session of a connection; returns how many.
    func revokeAll(connectionID: String, at now: Date) async throws -> Int
}
