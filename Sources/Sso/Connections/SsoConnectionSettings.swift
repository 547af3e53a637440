/// The protocol settings of a connection: one value per protocol.
///
/// `Codable` in the stored form: the protocol's snake_case fields plus `protocol`, secrets
/// `<redacted>` unless the encoder's `userInfo[.ssoIncludeSecrets]` is `true`.
public enum SsoConnectionSettings: Sendable, Equatable {
    /// An OpenID Connect connection.
    case oidc(OIDCConnectionSettings)
    /// A SAML 2.0 connection, with this application as the service provider.
    case saml(SAMLConnectionSettings)
    /// An LDAP connection: credentials posted to the engine, checked by search-then-bind.
    case ldap(LDAPConnectionSettings)

    /// The protocol of these settings.
    public var `protocol`: SsoProtocol {
        switch self {
        case .oidc: .oidc
        case .saml: .saml
        case .ldap: .ldap
        }
    }
}

extension SsoConnectionSettings: Codable {
    public init(from decoder: any Decoder) throws {
        let json = try ReferenceConnectionJSON(from: decoder)
        let container = try decoder.container(keyedBy: ReferenceConnectionJSON.CodingKeys.self)
        self = try json.settings(for: try container.decode(SsoProtocol.self, forKey: .protocol))
    }

    public func encode(to encoder: any Encoder) throws {
        var json = ReferenceConnectionJSON(settings: self, form: .stored)
        json.protocol = self.protocol
        try json.encode(to: encoder)
    }
}

extension CodingUserInfoKey {
    /// Set to `true` in an encoder's `userInfo` to encode connection secrets in clear, for a
    /// store that persists ``SsoConnectionSettings``; without it they encode as `<redacted>`.
    public static let ssoIncludeSecrets = CodingUserInfoKey(rawValue: "sso.includeSecrets")!
}
