/// Where connections and their domain claims live.
///
/// Every method is one atomic step (one statement or one transaction in a database). The store
/// owns the rule that a domain belongs to at most one connection in the whole engine: `insert`
/// and `replace` check and claim every domain of the record together (a database uses a unique
/// index on the normalised domain), failing with `routing.domain_conflict` and changing nothing
/// when one is taken. Ids are compared by their exact bytes; reads of another organization's
/// connection find nothing.
public protocol SsoConnectionStore: Sendable {
    /// Adds a new connection and claims its domains, unless its organization already has
    /// `limit` connections (`connection.limit_reached`; `nil` means no limit). The count, the
    /// claims and the insert are one transaction, so concurrent creates cannot pass the limit;
    /// on any error nothing changes. A taken id is `store.duplicate_key`.
    func insert(_ record: SsoConnectionRecord, limitPerOrganization limit: Int?) async throws
    /// Replaces the connection with `record.id` of `record.organizationID` and its claims, in one
    /// transaction; returns `false` (changing nothing) when there is no such connection.
    func replace(_ record: SsoConnectionRecord) async throws -> Bool
    /// The connection with `id`, in any organization (callbacks start from a connection id).
    func connection(id: String) async throws -> SsoConnectionRecord?
    /// The organization's connections, oldest first (ties by id, as bytes).
    func connections(organizationID: String) async throws -> [SsoConnectionRecord]
    /// Removes the connection and releases its domains in one transaction; returns it, or `nil`
    /// if the organization has no connection with `id`.
    func remove(id: String, organizationID: String) async throws -> SsoConnectionRecord?
    /// The connection `domain` routes to: its exact claim, else the nearest parent claimed with
    /// subdomain matching.
    func route(_ domain: DomainName) async throws -> SsoConnectionRecord?
}

extension SsoConnectionStore {
    /// Adds a new connection with no per-organization limit.
    public func insert(_ record: SsoConnectionRecord) async throws {
        try await insert(record, limitPerOrganization: nil)
    }
}

extension SsoConnectionRecord {
    /// `connection.limit_reached`, for stores to throw when the organization has `count` connections.
    public static func limitReached(_ count: Int, file: String = #fileID, line: Int = #line) -> SsoError {
        SsoError(.connectionLimitReached, "the organization already has \(count) connections", file: file, line: line)
    }
}
