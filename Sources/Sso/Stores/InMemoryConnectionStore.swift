/// The default ``SsoConnectionStore``: an actor over a dictionary, an index by organization and
/// a ``RoutingTable``. Claims are checked and applied inside one actor call, so they are atomic.
public actor InMemoryConnectionStore: SsoConnectionStore {
    private var records: [String: SsoConnectionRecord] = [:]
    private var byOrganization: [String: Set<String>] = [:]
    private var table = RoutingTable()

    public init() {}

    public func insert(_ record: SsoConnectionRecord) throws {
        guard records[record.id] == nil else { throw SsoError(.storeDuplicateKey, "a connection with this id already exists") }
        try table.assign(record.domains, to: record.id, includeSubdomains: record.matchSubdomains)
        records[record.id] = record
        byOrganization[record.organizationID, default: []].insert(record.id)
    }

    public func insert(_ record: SsoConnectionRecord, limitPerOrganization limit: Int) throws {
        let count = byOrganization[record.organizationID]?.count ?? 0
        guard count < limit else { throw SsoConnectionRecord.limitReached(count) }
        try insert(record)
    }

    public func replace(_ record: SsoConnectionRecord) throws -> Bool {
        guard let existing = records[record.id], existing.organizationID == record.organizationID else { return false }
        try table.assign(record.domains, to: record.id, includeSubdomains: record.matchSubdomains)
        records[record.id] = record
        return true
    }

    public func connection(id: String) -> SsoConnectionRecord? {
        records[id]
    }

    public func connections(organizationID: String) -> [SsoConnectionRecord] {
        (byOrganization[organizationID] ?? []).compactMap { records[$0] }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    public func remove(id: String, organizationID: String) -> SsoConnectionRecord? {
        guard let existing = records[id], existing.organizationID == organizationID else { return nil }
        table.remove(connectionID: id)
        byOrganization[organizationID]?.remove(id)
        if byOrganization[organizationID]?.isEmpty == true { byOrganization[organizationID] = nil }
        return records.removeValue(forKey: id)
    }

    public func route(_ domain: DomainName) -> SsoConnectionRecord? {
        table.route(domain).flatMap { records[$0.connectionID] }
    }
}
