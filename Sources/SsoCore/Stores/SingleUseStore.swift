import Foundation

/// A store of short-lived values that can be taken exactly once: pending OIDC logins (state,
/// nonce, PKCE verifier), pending SAML requests (request ID, RelayState).
///
/// Every method is one atomic step, so a database implements each as one statement: `take` is
/// a delete that returns the row (two concurrent callbacks with the same key cannot both get
/// it), `insert` a conditional insert. Keys and groups are compared by their exact UTF-8 bytes.
/// Expiry is judged by the `now` the caller passes, never by the store's own clock.
public protocol SingleUseStore<Value>: Sendable {
    /// The kind of value stored, e.g. a pending login; `Codable` so a database can persist it.
    associatedtype Value: Sendable & Codable
    /// Stores `value` under `key` until `expiresAt`, in `group` (e.g. its connection, so that
    /// deleting the connection can drop its entries). Fails with `store.duplicate_key`, changing
    /// nothing, if a live entry has the key. Atomic.
    func insert(_ value: Value, forKey key: String, group: String, expiresAt: Date, now: Date) async throws
    /// Removes the entry under `key` and returns its value if it had not expired at `now`; `nil`
    /// otherwise (an expired entry is removed too). Atomic: one caller at most gets the value.
    func take(_ key: String, now: Date) async throws -> Value?
    /// Removes every entry of `group` and returns how many. Atomic.
    @discardableResult
    func removeAll(group: String) async throws -> Int
    /// Removes at most `limit` entries that expired at or before `now` and returns how many, so a
    /// sweeper can purge in bounded batches. Atomic per call.
    @discardableResult
    func purgeExpired(now: Date, limit: Int) async throws -> Int
}

/// The default in-memory ``SingleUseStore``, bounded so that a flood of login starts cannot
/// exhaust memory: when full, expired entries are dropped, and if it is still full the insert
/// fails with `store.full`.
public actor InMemorySingleUseStore<Value: Sendable & Codable>: SingleUseStore {
    private struct Entry {
        let value: Value
        let group: ExactString
        let expiresAt: Date
    }

    private var entries: [ExactString: Entry] = [:]
    private let capacity: Int

    /// Creates a store holding at most `capacity` live entries.
    public init(capacity: Int = 100_000) {
        self.capacity = max(1, capacity)
    }

    public func insert(_ value: Value, forKey key: String, group: String, expiresAt: Date, now: Date) throws {
        let key = ExactString(key)
        if let existing = entries[key], existing.expiresAt > now {
            throw SsoError(.storeDuplicateKey, "an entry with this key already exists")
        }
        if entries.count >= capacity {
            entries = entries.filter { $0.value.expiresAt > now }
            guard entries.count < capacity else {
                throw SsoError(.storeFull, "too many pending entries; try again later")
            }
        }
        entries[key] = Entry(value: value, group: ExactString(group), expiresAt: expiresAt)
    }

    public func take(_ key: String, now: Date) -> Value? {
        guard let entry = entries.removeValue(forKey: ExactString(key)), entry.expiresAt > now else { return nil }
        return entry.value
    }

    @discardableResult
    public func removeAll(group: String) -> Int {
        let group = ExactString(group)
        let before = entries.count
        entries = entries.filter { $0.value.group != group }
        return before - entries.count
    }

    @discardableResult
    public func purgeExpired(now: Date, limit: Int) -> Int {
        let expired = entries.lazy.filter { $0.value.expiresAt <= now }.prefix(max(0, limit)).map(\.key)
        let keys = Array(expired)
        for key in keys { entries[key] = nil }
        return keys.count
    }

    /// The number of entries held, expired ones included until they are purged.
    package var count: Int { entries.count }
}

extension SingleUseStore {
    /// Stores `value` under `key` in the default (empty) group.
    public func insert(_ value: Value, forKey key: String, expiresAt: Date, now: Date) async throws {
        try await insert(value, forKey: key, group: "", expiresAt: expiresAt, now: now)
    }
}
