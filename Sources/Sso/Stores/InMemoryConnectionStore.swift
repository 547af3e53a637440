/// The default ``SsoConnectionStore``: an actor over a dictionary, an index by organization and
/// a ``/SsoRouting/RoutingTable``, keyed by the ids' exact bytes. Claims are checked and applied
/// inside one actor call, so they are atomic.
public actor InMemoryConnectionStore: SsoConnectionStore {
    private var records: [ExactString: SsoConnectionRecord] = [:]
    private var byOrganization: [ExactString: Set<ExactString>] = [:]
    private var table = RoutingTable()

    /// Creates an empty store; its connections last as long as the process.
    public init() {}

    public func insert(_ record: SsoConnectionRecord, limitPerOrganization limit: Int?) throws {
        let count = byOrganization[ExactString(record.organizationID)]?.count ?? 0
        if let limit, count >= limit { throw SsoConnectionRecord.limitReached(count) }
        guard records[ExactString(record.id)] == nil else {
            throw SsoError(.storeDuplicateKey, "a connection with this id already exists")
        }
        try table.assign(record.domains, to: record.id, includeSubdomains: record.matchSubdomains)
        records[ExactString(record.id)] = record
        byOrganization[ExactString(record.organizationID), default: []].insert(ExactString(record.id))
    }

    public func replace(_ record: SsoConnectionRecord) throws -> Bool {
        guard let existing = records[ExactString(record.id)], existing.organizationID.bytesEqual(record.organizationID)
        else { return false }
        try table.assign(record.domains, to: record.id, includeSubdomains: record.matchSubdomains)
        records[ExactString(record.id)] = record
        return true
    }

    public func connection(id: String) -> SsoConnectionRecord? {
        records[ExactString(id)]
    }

    public func connections(organizationID: String) -> [SsoConnectionRecord] {
        (byOrganization[ExactString(organizationID)] ?? []).compactMap { records[$0] }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    public func remove(id: String, organizationID: String) -> SsoConnectionRecord? {
        guard let existing = records[ExactString(id)], existing.organizationID.bytesEqual(organizationID) else {
            return nil
        }
        table.remove(connectionID: id)
        byOrganization[ExactString(organizationID)]?.remove(ExactString(id))
        if byOrganization[ExactString(organizationID)]?.isEmpty == true {
            byOrganization[ExactString(organizationID)] = nil
        }
        return records.removeValue(forKey: ExactString(id))
    }

    public func route(_ domain: DomainName) -> SsoConnectionRecord? {
        table.route(domain).flatMap { records[ExactString($0.connectionID)] }
    }
}
