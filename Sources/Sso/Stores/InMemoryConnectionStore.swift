/// The default ``SsoConnectionStore``: an actor over a dictionary and a ``RoutingTable``.
public actor InMemoryConnectionStore: SsoConnectionStore {
    private var records: [String: SsoConnectionRecord] = [:]
    private var table = RoutingTable()

    public init() {}

    public func insert(_ record: SsoConnectionRecord) throws {
        guard records[record.id] == nil else { throw SsoError(.storeDuplicateKey, "a connection with this id already exists") }
        try table.assign(record.domains, to: record.id, includeSubdomains: record.matchSubdomains)
        records[record.id] = record
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
        records.values.filter { $0.organizationID == organizationID }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    public func remove(id: String, organizationID: String) -> SsoConnectionRecord? {
        guard let existing = records[id], existing.organizationID == organizationID else { return nil }
        table.remove(connectionID: id)
        return records.removeValue(forKey: id)
    }

    public func route(_ domain: DomainName) -> SsoConnectionRecord? {
        table.route(domain).flatMap { records[$0.connectionID] }
    }
}
