/// The settings of an OIDC connection.
///
/// `Codable` in the stored form (the reference's snake_case keys); `client_secret` encodes as
/// `<redacted>` unless the encoder's `userInfo[.ssoIncludeSecrets]` is `true`.
public struct OIDCConnectionSettings: Sendable, Equatable {
    /// The issuer URL (https; http only for a loopback host), compared exactly with the ID token's `iss`.
    public var issuerURL: String
    /// The client id registered at the IdP.
    public var clientID: String
    /// The client secret.
    public var clientSecret: Secret

    /// OIDC settings.
    public init(issuerURL: String, clientID: String, clientSecret: Secret) {
        self.issuerURL = issuerURL
        self.clientID = clientID
        self.clientSecret = clientSecret
    }
}

extension OIDCConnectionSettings: Codable {
    public init(from decoder: any Decoder) throws {
        self = try ReferenceConnectionJSON(from: decoder).oidcSettings()
    }

    public func encode(to encoder: any Encoder) throws {
        try ReferenceConnectionJSON(settings: .oidc(self), form: .stored).encode(to: encoder)
    }
}
