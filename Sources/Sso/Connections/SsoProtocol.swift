/// The identity protocol of a connection.
public enum SsoProtocol: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case oidc
    case saml
    case ldap

    public var description: String { rawValue }
}
