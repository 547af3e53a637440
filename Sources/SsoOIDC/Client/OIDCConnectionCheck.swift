/// What ``OIDCClient/testConnection()`` found.
public struct OIDCConnectionCheck: Sendable {
    /// The freshly fetched, checked discovery document.
    public let metadata: ProviderMetadata
    /// Keys in the JWKS that can verify ID tokens.
    public let usableKeyCount: Int
    /// Keys in the JWKS that were skipped (encryption keys, unsupported types…).
    public let skippedKeyCount: Int
}
