/// Bounds on an XML document SsoSAML reads (a SAML Response, IdP metadata): checked before and
/// while libxml2 parses it, so an oversized or deeply nested input fails fast
/// (`saml.xml.too_large`, `saml.xml.too_deep`).
public struct SAMLXMLLimits: Sendable, Hashable {
    /// The largest accepted document, in bytes (after base64 decoding). Default 256 KiB.
    public var maxBytes: Int
    /// The deepest accepted element nesting (the root is depth 1). Default 64.
    public var maxDepth: Int

    /// Creates limits; the defaults suit SAML responses and metadata of real identity providers.
    public init(maxBytes: Int = 256 * 1024, maxDepth: Int = 64) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }
}
