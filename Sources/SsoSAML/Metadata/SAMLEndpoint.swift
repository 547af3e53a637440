/// A SAML protocol endpoint from metadata: where to send a message, and how.
public struct SAMLEndpoint: Sendable, Hashable, Codable {
    /// The binding URI (``SAMLBinding/httpRedirect``, ``SAMLBinding/httpPost``, …).
    public var binding: String
    /// The endpoint URL.
    public var location: String

    public init(binding: String, location: String) {
        self.binding = binding
        self.location = location
    }
}

/// The SAML 2.0 binding URIs.
public enum SAMLBinding {
    /// HTTP-Redirect: the message DEFLATE-compressed in the query string.
    public static let httpRedirect = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
    /// HTTP-POST: the message base64-encoded in an auto-submitted form.
    public static let httpPost = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
    /// HTTP-Artifact (not supported by this library's SP; listed for metadata).
    public static let httpArtifact = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact"
    /// SOAP.
    public static let soap = "urn:oasis:names:tc:SAML:2.0:bindings:SOAP"
}

/// Common SAML 2.0 `NameID` formats.
public enum SAMLNameIDFormat {
    public static let emailAddress = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"
    public static let unspecified = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"
    public static let persistent = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"
    public static let transient = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient"
}
