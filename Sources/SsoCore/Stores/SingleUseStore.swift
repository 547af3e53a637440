import Foundation

/// A store of short-lived values that can be taken exactly once: pending OIDC logins (state,
/// nonce, PKCE verifier), pending SAML requests (request ID, RelayState).
///
/// `take` removes the entry; a second `take` of the same key, or a `take` after `expiresAt`,
/// returns `nil`. Keys are compared by their exact UTF-8 bytes. Implementations must make `take` atomic, so two concurrent callbacks with the
/// same key cannot both succeed.
public protocol SingleUseStore<Value>: Sendable {
    associatedtype Value: Sendable
    /// Stores `value` under `key` until `expiresAt`. Fails with `store.duplicate_key` if the key is taken.
    func insert(_ value: Value, forKey key: String, expiresAt: Date, now: Date) async throws
    /// Removes and returns the value under `key` if it exists and has not expired at `now`.
    func take(_ key: String, now: Date) async throws -> Value?
    /// Removes every entry for which `shouldRemove` is true (e.g. all pending logins of a deleted connection).
    func removeAll(where shouldRemove: @escaping @Sendable (Value) -> Bool) async throws
}

/// The default in-memory ``SingleUseStore``, bounded so that a flood of login starts cannot
/// exhaust memory: when full, expired entries are dropped, and if it is still full the insert
/// fails with `store.full`.
public actor InMemorySingleUseStore<Value: Sendable>: SingleUseStore {
    private var entries: [ExactString: (value: Value, expiresAt: Date)] = [:]
    private let capacity: Int

    /// Creates a store holding at most `capacity` live entries.
    public init(capacity: Int = 100_000) {
        self.capacity = max(1, capacity)
    }

    public func insert(_ value: Value, forKey key: String, expiresAt: Date, now: Date) throws {
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
        entries[key] = (value, expiresAt)
    }

    public func take(_ key: String, now: Date) -> Value? {
        guard let entry = entries.removeValue(forKey: ExactString(key)), entry.expiresAt > now else { return nil }
        return entry.value
    }

    public func removeAll(where shouldRemove: @escaping @Sendable (Value) -> Bool) {
        entries = entries.filter { !shouldRemove($0.value.value) }
    }

    /// The number of entries held, expired ones included until they are purged.
    package var count: Int { entries.count }
}
