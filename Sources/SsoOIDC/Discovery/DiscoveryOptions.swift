import Foundation

/// How discovery documents are fetched, checked and cached.
public struct DiscoveryOptions: Sendable, Hashable {
    /// How the document's issuer is matched (default ``IssuerPolicy/exact``).
    public var issuerPolicy: IssuerPolicy
    /// The discovery URL; `nil` means `{issuer without trailing slash}/.well-known/openid-configuration`.
    public var discoveryURL: String?
    /// How long a fetched document is used before it is fetched again (default one hour).
    public var cacheTTL: TimeInterval
    /// After a failed fetch, how long callers get the same error without a new request (default 5 s).
    public var failureBackoff: TimeInterval
    /// The largest document accepted (default 64 KiB).
    public var maxDocumentBytes: Int
    /// Treats `https://idp/` and `https://idp` as the same issuer. Off by default: OpenID Connect
    /// requires an exact match, and a mismatch usually means a misconfiguration.
    public var unsafeIgnoreIssuerTrailingSlash: Bool

    /// Options with the defaults given on each property.
    public init(
        issuerPolicy: IssuerPolicy = .exact,
        discoveryURL: String? = nil,
        cacheTTL: TimeInterval = 3600,
        failureBackoff: TimeInterval = 5,
        maxDocumentBytes: Int = 64 * 1024,
        unsafeIgnoreIssuerTrailingSlash: Bool = false
    ) {
        self.issuerPolicy = issuerPolicy
        self.discoveryURL = discoveryURL
        self.cacheTTL = cacheTTL
        self.failureBackoff = failureBackoff
        self.maxDocumentBytes = maxDocumentBytes
        self.unsafeIgnoreIssuerTrailingSlash = unsafeIgnoreIssuerTrailingSlash
    }

    /// The URL the document is fetched from for `issuer`.
    package func documentURL(for issuer: String) -> String {
        if let discoveryURL { return discoveryURL }
        let base = issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
        return base + "/.well-known/openid-configuration"
    }
}
