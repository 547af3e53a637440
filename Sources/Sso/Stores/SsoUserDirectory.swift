/// Developer records, keyed by (connection, subject): where JIT provisioning writes and where
/// every SSO login finds its user.
public protocol SsoUserDirectory: Sendable {
    /// The user that `subject` of `connectionID` is linked to.
    func user(connectionID: String, subject: String) async throws -> SsoUser?
    /// Adds `user` unless a user with the same (connection, subject) exists; returns the stored
    /// user and whether it was added. Must be atomic (two first logins create one user).
    func insertIfAbsent(_ user: SsoUser) async throws -> (user: SsoUser, inserted: Bool)
    /// Removes the user with `id` (used to undo a provisioning whose login then failed).
    func remove(id: String) async throws
    /// The organization's users, oldest first.
    func users(organizationID: String) async throws -> [SsoUser]
}

/// The default ``SsoUserDirectory``, in memory.
public actor InMemoryUserDirectory: SsoUserDirectory {
    private struct Key: Hashable {
        let connectionID: String
        let subject: String
    }

    private var users: [Key: SsoUser] = [:]

    public init() {}

    public func user(connectionID: String, subject: String) -> SsoUser? {
        users[Key(connectionID: connectionID, subject: subject)]
    }

    public func insertIfAbsent(_ user: SsoUser) -> (user: SsoUser, inserted: Bool) {
        let key = Key(connectionID: user.connectionID, subject: user.subject)
        if let existing = users[key] { return (existing, false) }
        users[key] = user
        return (user, true)
    }

    public func remove(id: String) {
        users = users.filter { $0.value.id != id }
    }

    public func users(organizationID: String) -> [SsoUser] {
        users.values.filter { $0.organizationID == organizationID }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }
}

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
