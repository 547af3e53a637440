import Foundation
import SsoSAML

/// Parsed IdP metadata per connection version, reused until the metadata's own refresh date
/// (`cacheDuration`, capped by `validUntil`) or the engine's default lifetime.
actor SAMLMetadataCache {
    private var entries: [ExactString: (metadata: IdPMetadata, refreshAt: Date)] = [:]
    private static let maxEntries = 10_000

    /// The metadata stored under `key` if it is still fresh at `now`.
    func metadata(key: String, now: Date) -> IdPMetadata? {
        guard let entry = entries[ExactString(key)] else { return nil }
        if now >= entry.refreshAt || (entry.metadata.validUntil.map { now >= $0 } ?? false) {
            entries[ExactString(key)] = nil
            return nil
        }
        return entry.metadata
    }

    func store(_ metadata: IdPMetadata, key: String, refreshAt: Date) {
        if entries.count >= Self.maxEntries { entries.removeAll() }
        entries[ExactString(key)] = (metadata, refreshAt)
    }

    /// Forgets every entry of `connectionID`.
    func remove(connectionID: String) {
        entries = entries.filter { !$0.key.value.bytesHavePrefix(connectionID + "|") }
    }
}
