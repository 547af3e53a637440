/// Where connections and their domain claims live.
///
/// The store owns the rule that a domain belongs to at most one connection in the whole engine:
/// `insert` and `replace` check and claim every domain of the record atomically (a database
/// implementation uses a unique index on the normalised domain), failing with
/// `routing.domain_conflict` and changing nothing when one is taken.
public protocol SsoConnectionStore: Sendable {
    /// Adds a new connection and claims its domains.
    func insert(_ record: SsoConnectionRecord) async throws
    /// Replaces the connection with `record.id` of `record.organizationID` and its claims;
    /// returns `false` (changing nothing) when there is no such connection.
    func replace(_ record: SsoConnectionRecord) async throws -> Bool
    /// The connection with `id`, in any organization.
    func connection(id: String) async throws -> SsoConnectionRecord?
    /// The organization's connections, oldest first.
    func connections(organizationID: String) async throws -> [SsoConnectionRecord]
    /// Removes the connection and releases its domains; returns it, or `nil` if the
    /// organization has no connection with `id`.
    func remove(id: String, organizationID: String) async throws -> SsoConnectionRecord?
    /// The connection `domain` routes to (exact claim, or a parent claimed with subdomain matching).
    func route(_ domain: DomainName) async throws -> SsoConnectionRecord?
}

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
