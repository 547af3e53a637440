import Foundation

/// The default ``SsoSessionStore``: a bounded actor with indexes by organization and by
/// connection, so listing and revoking never scan other tenants' sessions. When full it first
/// drops expired and revoked sessions, then fails with `store.full` rather than evicting a live one.
public actor InMemorySessionStore: SsoSessionStore {
    private var records: [String: SsoSessionRecord] = [:]
    private var byOrganization: [String: Set<String>] = [:]
    private var byConnection: [String: Set<String>] = [:]
    private let capacity: Int

    /// Creates a store holding at most `capacity` sessions.
    public init(capacity: Int = 1_000_000) {
        self.capacity = max(1, capacity)
    }

    public func insert(_ session: SsoSessionRecord) throws {
        guard records[session.id] == nil else { throw SsoError(.storeDuplicateKey, "a session with this id already exists") }
        if records.count >= capacity {
            purgeInactive(at: session.createdAt)
            guard records.count < capacity else { throw SsoError(.storeFull, "too many active sessions; try again later") }
        }
        records[session.id] = session
        byOrganization[session.organizationID, default: []].insert(session.id)
        byConnection[session.connectionID, default: []].insert(session.id)
    }

    public func session(id: String) -> SsoSessionRecord? {
        records[id]
    }

    public func sessions(organizationID: String, activeAt now: Date) -> [SsoSessionRecord] {
        (byOrganization[organizationID] ?? []).compactMap { records[$0] }.filter { $0.isActive(at: now) }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    public func revoke(id: String, at now: Date) -> Bool {
        guard let record = records[id], record.isActive(at: now) else { return false }
        records[id]?.revokedAt = now
        return true
    }

    public func revokeAll(connectionID: String, at now: Date) -> Int {
        var count = 0
        for id in byConnection[connectionID] ?? [] {
            guard let record = records[id], record.isActive(at: now) else { continue }
            records[id]?.revokedAt = now
            count += 1
        }
        return count
    }

    private func purgeInactive(at now: Date) {
        for (id, record) in records where !record.isActive(at: now) {
            records[id] = nil
            byOrganization[record.organizationID]?.remove(id)
            byConnection[record.connectionID]?.remove(id)
            if byOrganization[record.organizationID]?.isEmpty == true { byOrganization[record.organizationID] = nil }
            if byConnection[record.connectionID]?.isEmpty == true { byConnection[record.connectionID] = nil }
        }
    }
}
