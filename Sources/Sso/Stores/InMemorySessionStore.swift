import Foundation

/// The default ``SsoSessionStore``: a bounded actor with indexes by organization and by
/// connection (ids compared by their exact bytes), so listing and revoking never scan other
/// tenants' sessions. When full it first drops expired and revoked sessions, then fails with
/// `store.full` rather than evicting a live one.
public actor InMemorySessionStore: SsoSessionStore {
    private var records: [ExactString: SsoSessionRecord] = [:]
    private var byOrganization: [ExactString: Set<ExactString>] = [:]
    private var byConnection: [ExactString: Set<ExactString>] = [:]
    private let capacity: Int

    /// Creates a store holding at most `capacity` sessions.
    public init(capacity: Int = 1_000_000) {
        self.capacity = max(1, capacity)
    }

    public func insert(_ session: SsoSessionRecord) throws {
        let id = ExactString(session.id)
        guard records[id] == nil else { throw SsoError(.storeDuplicateKey, "a session with this id already exists") }
        if records.count >= capacity {
            purgeInactive(at: session.createdAt)
            guard records.count < capacity else {
                throw SsoError(.storeFull, "too many active sessions; try again later")
            }
        }
        records[id] = session
        byOrganization[ExactString(session.organizationID), default: []].insert(id)
        byConnection[ExactString(session.connectionID), default: []].insert(id)
    }

    public func session(id: String, organizationID: String) -> SsoSessionRecord? {
        records[ExactString(id)].flatMap { $0.organizationID.bytesEqual(organizationID) ? $0 : nil }
    }

    public func sessions(organizationID: String, activeAt now: Date) -> [SsoSessionRecord] {
        (byOrganization[ExactString(organizationID)] ?? []).compactMap { records[$0] }.filter { $0.isActive(at: now) }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    public func revoke(id: String, organizationID: String, at now: Date) -> Bool {
        let key = ExactString(id)
        guard let record = records[key], record.organizationID.bytesEqual(organizationID), record.isActive(at: now)
        else { return false }
        records[key]?.revokedAt = now
        return true
    }

    @discardableResult
    public func revokeAll(connectionID: String, at now: Date) -> Int {
        var count = 0
        for id in byConnection[ExactString(connectionID)] ?? [] {
            guard let record = records[id], record.isActive(at: now) else { continue }
            records[id]?.revokedAt = now
            count += 1
        }
        return count
    }

    @discardableResult
    public func purgeInactive(before cutoff: Date, limit: Int) -> Int {
        purgeInactive(at: cutoff, limit: limit)
    }

    @discardableResult
    private func purgeInactive(at now: Date, limit: Int = .max) -> Int {
        // Inactive by `now`: expired, or revoked at or before it (`isActive` ignores when it was revoked).
        let inactive = records.lazy.filter { $0.value.expiresAt <= now || $0.value.revokedAt.map { $0 <= now } == true }
            .prefix(max(0, limit)).map { ($0.key, $0.value) }
        let removed = Array(inactive)
        for (id, record) in removed {
            records[id] = nil
            let organization = ExactString(record.organizationID)
            let connection = ExactString(record.connectionID)
            byOrganization[organization]?.remove(id)
            byConnection[connection]?.remove(id)
            if byOrganization[organization]?.isEmpty == true { byOrganization[organization] = nil }
            if byConnection[connection]?.isEmpty == true { byConnection[connection] = nil }
        }
        return removed.count
    }
}
