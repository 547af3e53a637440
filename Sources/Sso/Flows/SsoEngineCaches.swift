import Foundation
import SsoOIDC
import SsoSAML

/// The caches one engine shares between all its organizations and calls: OIDC discovery and
/// signing keys per issuer (one fetch and one refetch budget for every connection of that
/// issuer), parsed SAML metadata per connection, and LDAP authenticators (with their pools of
/// service-account connections) per connection.
final class SsoEngineCaches: Sendable {
    let oidc = OIDCProviderCaches()
    let samlMetadata = SAMLMetadataCache()
    let ldap = LDAPAuthenticatorCache()
}

/// Discovery and JWKS caches per issuer (keyed by the issuer alone: the first caller's options
/// are kept), created on first use.
actor OIDCProviderCaches {
    private var entries: [ExactString: (metadata: ProviderMetadataCache, jwks: JWKSCache)] = [:]
    private static let maxEntries = 10_000

    /// The shared caches of `issuer`.
    func caches(issuer: String, options: OIDCOptions, transport: any HTTPTransport, clock: any SsoClock)
        -> (metadata: ProviderMetadataCache, jwks: JWKSCache)
    {
        if let entry = entries[ExactString(issuer)] { return entry }
        if entries.count >= Self.maxEntries { entries.removeAll() }
        let entry = (
            metadata: ProviderMetadataCache(issuer: issuer, options: options.discovery, transport: transport, clock: clock),
            jwks: JWKSCache(issuer: issuer, options: options.jwks, transport: transport, clock: clock)
        )
        entries[ExactString(issuer)] = entry
        return entry
    }
}

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
