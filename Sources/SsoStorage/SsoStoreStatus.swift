import Foundation

/// What `ssoctl store status` shows of a durable store.
public struct SsoStoreStatus: Sendable, Equatable, Codable {
    /// The schema version the store is at.
    public var schemaVersion: Int
    /// The schema version this build writes.
    public var currentSchemaVersion: Int
    /// Rows per table, by table name.
    public var counts: [String: Int]
    /// When the oldest pending login still stored was started; `nil` when there is none.
    public var oldestPendingLogin: Date?

    /// A status as a store reports it; a `schemaVersion` above `currentSchemaVersion` means the
    /// store was written by a newer build.
    public init(schemaVersion: Int, currentSchemaVersion: Int, counts: [String: Int], oldestPendingLogin: Date?) {
        self.schemaVersion = schemaVersion
        self.currentSchemaVersion = currentSchemaVersion
        self.counts = counts
        self.oldestPendingLogin = oldestPendingLogin
    }

    enum CodingKeys: String, CodingKey {
        case counts
        case schemaVersion = "schema_version", currentSchemaVersion = "current_schema_version"
        case oldestPendingLogin = "oldest_pending_login"
    }
}
