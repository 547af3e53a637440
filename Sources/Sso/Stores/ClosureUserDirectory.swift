/// A ``SsoUserDirectory`` backed by closures, for hosts that keep developer records in their
/// own database.
///
/// Give ``init(findLinked:insertIfAbsent:remove:list:)`` a lookup by (connection, issuer,
/// subject). With the older ``init(find:insertIfAbsent:remove:list:)`` (connection, subject),
/// a record stored under another issuer is ignored and its login refused, never reused.
public struct ClosureUserDirectory: SsoUserDirectory {
    /// Finds the user linked to (connection, subject) under any issuer; `nil` when there is none.
    public typealias Find = @Sendable (_ connectionID: String, _ subject: String) async throws -> SsoUser?
    /// Finds the user linked to (connection, issuer, subject); `nil` when there is none.
    public typealias FindLinked =
        @Sendable (_ connectionID: String, _ issuer: String, _ subject: String) async throws -> SsoUser?
    /// Adds a user unless one with the same (connection, issuer, subject) exists (atomically); returns
    /// the stored user and whether it was added.
    public typealias Insert = @Sendable (SsoUser) async throws -> (user: SsoUser, inserted: Bool)
    /// Removes the user with this id (`dev_…`).
    public typealias Remove = @Sendable (_ id: String) async throws -> Void
    /// Lists an organization's users, oldest first.
    public typealias List = @Sendable (_ organizationID: String) async throws -> [SsoUser]

    private let find: Find?
    private let findLinked: FindLinked
    private let insert: Insert
    private let delete: Remove
    private let list: List

    /// A directory whose lookup ignores the issuer; records of another issuer never link.
    public init(find: @escaping Find, insertIfAbsent: @escaping Insert, remove: @escaping Remove, list: @escaping List)
    {
        self.find = find
        self.findLinked = { connectionID, issuer, subject in
            guard let user = try await find(connectionID, subject), user.issuer.bytesEqual(issuer) else { return nil }
            return user
        }
        self.insert = insertIfAbsent
        self.delete = remove
        self.list = list
    }

    /// A directory whose lookup keys on (connection, issuer, subject).
    public init(
        findLinked: @escaping FindLinked, insertIfAbsent: @escaping Insert, remove: @escaping Remove,
        list: @escaping List
    ) {
        self.find = nil
        self.findLinked = findLinked
        self.insert = insertIfAbsent
        self.delete = remove
        self.list = list
    }

    /// The `find` closure's answer; `nil` for a directory made with `findLinked`, which has none.
    public func user(connectionID: String, subject: String) async throws -> SsoUser? {
        try await find?(connectionID, subject)
    }
    public func user(connectionID: String, issuer: String, subject: String) async throws -> SsoUser? {
        guard let user = try await findLinked(connectionID, issuer, subject), user.issuer.bytesEqual(issuer) else {
            return nil
        }
        return user
    }
    public func insertIfAbsent(_ user: SsoUser) async throws -> (user: SsoUser, inserted: Bool) {
        try await insert(user)
    }
    public func remove(id: String) async throws { try await delete(id) }
    public func users(organizationID: String) async throws -> [SsoUser] { try await list(organizationID) }
}
