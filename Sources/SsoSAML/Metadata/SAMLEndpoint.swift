/// A SAML protocol endpoint from metadata: where to send a message, and how.
public struct SAMLEndpoint: Sendable, Hashable, Codable {
    /// The binding URI (``SAMLBinding/httpRedirect``, ``SAMLBinding/httpPost``, …).
    public var binding: String
    /// The endpoint URL.
    public var location: String

    /// An endpoint as given; neither the binding nor the URL is checked here.
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
    /// The subject is an email address (SAML 1.1 format, used by SAML 2.0 too).
    public static let emailAddress = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"
    /// No format is promised: the IdP decides what the `NameID` holds.
    public static let unspecified = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"
    /// An opaque, stable pseudonym for this user at this SP: the same on every login.
    public static let persistent = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"
    /// An opaque identifier for this login only: it changes every time, so it cannot key an account.
    public static let transient = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient"
}
