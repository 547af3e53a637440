import SsoOIDC

/// Discovery and JWKS caches per issuer, created on first use with the first caller's options
/// (the engine passes the same options for every issuer).
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
            metadata: ProviderMetadataCache(
                issuer: issuer, options: options.discovery, transport: transport, clock: clock),
            jwks: JWKSCache(issuer: issuer, options: options.jwks, transport: transport, clock: clock)
        )
        entries[ExactString(issuer)] = entry
        return entry
    }
}
