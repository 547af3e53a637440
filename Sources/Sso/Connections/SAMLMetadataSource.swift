/// Where a SAML connection reads the IdP metadata from.
public enum SAMLMetadataSource: Sendable, Hashable {
    /// Fetched from this URL (https; http only for a loopback host), cached until its refresh date.
    case url(String)
    /// This metadata document, stored with the connection.
    case xml(String)
}
