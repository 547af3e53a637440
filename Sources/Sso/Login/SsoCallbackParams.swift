/// The reference's `SsoOidcCallbackParams`. The authorization code is a one-time credential, so
/// it is a ``/SsoCore/Secret``: never printed or encoded.
public struct SsoOidcCallbackParams: Sendable, Codable {
    /// The callback's `code` parameter: the single-use authorization code, exchanged with the PKCE verifier.
    public var code: Secret
    /// The callback's `state` parameter: the key of the pending login, taken once.
    public var state: String
    /// The callback's `iss` parameter (RFC 9207), when the provider sends one; it must then be
    /// the provider's issuer.
    public var iss: String?

    /// Creates parameters from the callback's query values.
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
    /// The POSTed `RelayState` (`relay_state`): the key of the pending login; `nil`, or a value the engine
    /// did not issue, for an IdP-initiated response.
    public var relayState: String?

    /// Creates parameters from the POSTed form values.
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
    /// The login name, matched against the connection's `user_attribute`.
    public var username: String
    /// The user's password, used for one bind; it encodes as `<redacted>`.
    public var password: Secret
    /// The LDAP connection to authenticate against (`connection_id`, `sso_conn_…`).
    public var connectionID: String

    /// Creates parameters from the posted credentials.
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
