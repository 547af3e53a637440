/// The identity protocol of a connection.
public enum SsoProtocol: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// OpenID Connect: the authorization-code flow with PKCE.
    case oidc
    /// SAML 2.0: HTTP-Redirect AuthnRequests, responses posted to the assertion consumer service URL.
    case saml
    /// LDAP: the user's credentials are posted to the engine and checked by search-then-bind.
    case ldap

    public var description: String { rawValue }
}
