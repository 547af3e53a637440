import Foundation
import SsoSAML

/// A SAML connection's IdP metadata: parsed from `metadata_xml`, or fetched from `metadata_url`
/// through the engine's transport; cached per connection version until its refresh date
/// (`cacheDuration`, capped by `validUntil`) or the engine's default lifetime.
struct SAMLMetadataLoader: Sendable {
    let context: ConnectionContext
    let settings: SAMLConnectionSettings

    /// The metadata, from the engine's cache unless `refresh` (a connection test reads afresh).
    /// - Throws: `saml.metadata.*`, `http.*`.
    func metadata(refresh: Bool = false) async throws(SsoError) -> IdPMetadata {
        let engine = context.engine
        let at = engine.clock.now
        let record = context.record
        let source: String
        switch settings.metadata {
        case .url(let url): source = "url:" + url
        case .xml(let xml): source = "xml:\(xml.hashValue)"
        }
        let key = "\(record.id)|\(record.updatedAt.timeIntervalSince1970)|\(source)"
        let cache = engine.caches.samlMetadata
        if !refresh, let cached = await cache.metadata(key: key, now: at) { return cached }
        let metadata: IdPMetadata
        switch settings.metadata {
        case .xml(let xml): metadata = try IdPMetadata.parse(xml: xml, now: at)
        case .url(let url):
            metadata = try await IdPMetadataFetcher(transport: engine.httpTransport).fetch(url: url, now: at)
        }
        let refreshAt =
            metadata.refreshDate(fetchedAt: at) ?? at.addingTimeInterval(engine.settings.samlMetadataLifetime)
        await cache.store(metadata, key: key, refreshAt: refreshAt)
        return metadata
    }
}
