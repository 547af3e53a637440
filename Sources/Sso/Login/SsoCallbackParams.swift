/// The reference's `SsoOidcCallbackParams`. The authorization code is a one-time credential, so
/// it is a ``Secret``: never printed or encoded.
public struct SsoOidcCallbackParams: Sendable, Codable {
    public var code: Secret
    public var state: String
    /// The callback's `iss` parameter (RFC 9207), when the provider sends one; it must then be
    /// the provider's issuer.
    public var iss: String?

    public init(code: Secret, state: String, iss: String? = nil) {
        self.code = code
        self.state = state
        self.iss = iss
    }
}

/// The reference's `SsoSamlCallbackParams`: the POSTed `SAMLResponse` and `RelayState`.
public struct SsoSamlCallbackParams: Sendable, Codable {
    /// The base64-encoded SAML response.
    public var samlResponse: String
    public var relayState: String?

    public init(samlResponse: String, relayState: String? = nil) {
        self.samlResponse = samlResponse
        self.relayState = relayState
    }

    enum CodingKeys: String, CodingKey {
        case samlResponse = "saml_response", relayState = "relay_state"
    }
}

/// The reference's `SsoLdapCallbackParams`. The password is used for one bind and never stored,
/// printed or encoded.
public struct SsoLdapCallbackParams: Sendable, Codable {
    public var username: String
    public var password: Secret
    public var connectionID: String

    public init(username: String, password: Secret, connectionID: String) {
        self.username = username
        self.password = password
        self.connectionID = connectionID
    }

    enum CodingKeys: String, CodingKey {
        case username, password
        case connectionID = "connection_id"
    }
}
