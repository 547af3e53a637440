/// The default ``SsoUserDirectory``, in memory, keyed by (connection, issuer, subject).
public actor InMemoryUserDirectory: SsoUserDirectory {
    /// Compared by exact bytes: a subject that differs from another only by Unicode
    /// canonical equivalence (KELVIN SIGN for `K`) is another user.
    private struct Key: Hashable {
        let connectionID: ExactString
        let issuer: ExactString?
        let subject: ExactString

        init(connectionID: String, issuer: String?, subject: String) {
            self.connectionID = ExactString(connectionID)
            self.issuer = issuer.map { ExactString($0) }
            self.subject = ExactString(subject)
        }
    }

    private var users: [Key: SsoUser] = [:]

    /// Creates an empty directory; its users last as long as the process.
    public init() {}

    /// The oldest user linked to `subject` of `connectionID` under any issuer.
    public func user(connectionID: String, subject: String) -> SsoUser? {
        users.values.filter { $0.connectionID.bytesEqual(connectionID) && $0.subject.bytesEqual(subject) }
            .min { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    public func user(connectionID: String, issuer: String, subject: String) -> SsoUser? {
        users[Key(connectionID: connectionID, issuer: issuer, subject: subject)]
    }

    public func insertIfAbsent(_ user: SsoUser) -> (user: SsoUser, inserted: Bool) {
        let key = Key(connectionID: user.connectionID, issuer: user.issuer, subject: user.subject)
        if let existing = users[key] { return (existing, false) }
        users[key] = user
        return (user, true)
    }

    public func remove(id: String) {
        users = users.filter { !$0.value.id.bytesEqual(id) }
    }

    public func users(organizationID: String) -> [SsoUser] {
        users.values.filter { $0.organizationID.bytesEqual(organizationID) }.sorted {
            ($0.createdAt, $0.id) < ($1.createdAt, $1.id)
        }
    }
}
