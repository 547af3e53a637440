import Foundation

/// The default ``SsoSessionStore``: a bounded actor. When full it first drops expired and
/// revoked sessions, then fails with `store.full` rather than evicting a live one.
public actor InMemorySessionStore: SsoSessionStore {
    private var records: [String: SsoSessionRecord] = [:]
    private let capacity: Int

    /// Creates a store holding at most `capacity` sessions.
    public init(capacity: Int = 1_000_000) {
        self.capacity = max(1, capacity)
    }

    public func insert(_ session: SsoSessionRecord) throws {
        guard records[session.id] == nil else { throw SsoError(.storeDuplicateKey, "a session with this id already exists") }
        if records.count >= capacity {
            records = records.filter { $0.value.isActive(at: session.createdAt) }
            guard records.count < capacity else { throw SsoError(.storeFull, "too many active sessions; try again later") }
        }
        records[session.id] = session
    }

    public func session(id: String) -> SsoSessionRecord? {
        records[id]
    }

    public func sessions(organizationID: String, activeAt now: Date) -> [SsoSessionRecord] {
        records.values.filter { $0.organizationID == organizationID && $0.isActive(at: now) }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    public func revoke(id: String, at now: Date) -> Bool {
        guard let record = records[id], record.isActive(at: now) else { return false }
        records[id]?.revokedAt = now
        return true
    }

    public func revokeAll(connectionID: String, at now: Date) -> Int {
        var count = 0
        for (id, record) in records where record.connectionID == connectionID && record.isActive(at: now) {
            records[id]?.revokedAt = now
            count += 1
        }
        return count
    }
}
