/// A ``SsoUserDirectory`` backed by closures, for hosts that keep developer records in their
/// own database.
public struct ClosureUserDirectory: SsoUserDirectory {
    public typealias Find = @Sendable (_ connectionID: String, _ subject: String) async throws -> SsoUser?
    public typealias Insert = @Sendable (SsoUser) async throws -> (user: SsoUser, inserted: Bool)
    public typealias Remove = @Sendable (_ id: String) async throws -> Void
    public typealias List = @Sendable (_ organizationID: String) async throws -> [SsoUser]

    private let find: Find
    private let insert: Insert
    private let delete: Remove
    private let list: List

    public init(find: @escaping Find, insertIfAbsent: @escaping Insert, remove: @escaping Remove, list: @escaping List) {
        self.find = find
        self.insert = insertIfAbsent
        self.delete = remove
        self.list = list
    }

    public func user(connectionID: String, subject: String) async throws -> SsoUser? { try await find(connectionID, subject) }
    public func insertIfAbsent(_ user: SsoUser) async throws -> (user: SsoUser, inserted: Bool) { try await insert(user) }
    public func remove(id: String) async throws { try await delete(id) }
    public func users(organizationID: String) async throws -> [SsoUser] { try await list(organizationID) }
}
