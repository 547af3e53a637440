/// Where connections and their domain claims live.
///
/// The store owns the rule that a domain belongs to at most one connection in the whole engine:
/// `insert` and `replace` check and claim every domain of the record atomically (a database
/// implementation uses a unique index on the normalised domain), failing with
/// `routing.domain_conflict` and changing nothing when one is taken.
public protocol SsoConnectionStore: Sendable {
    /// Adds a new connection and claims its domains.
    func insert(_ record: SsoConnectionRecord) async throws
    /// Adds a new connection unless its organization already has `limit` connections
    /// (`connection.limit_reached`, nothing changed). The count and the insert must be one
    /// atomic step (a database implementation counts inside the inserting transaction), or two
    /// concurrent creates can both pass the limit.
    func insert(_ record: SsoConnectionRecord, limitPerOrganization limit: Int) async throws
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

extension SsoConnectionStore {
    /// Counts, then inserts: two calls. Correct for a store used by one writer at a time; a
    /// shared store should implement the requirement atomically.
    public func insert(_ record: SsoConnectionRecord, limitPerOrganization limit: Int) async throws {
        let count = try await connections(organizationID: record.organizationID).count
        guard count < limit else { throw SsoConnectionRecord.limitReached(count) }
        try await insert(record)
    }
}

extension SsoConnectionRecord {
    static func limitReached(_ count: Int, file: String = #fileID, line: Int = #line) -> SsoError {
        SsoError(.connectionLimitReached, "the organization already has \(count) connections", file: file, line: line)
    }
}
