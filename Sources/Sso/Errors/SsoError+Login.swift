extension SsoError.Code {
    /// The connection uses LDAP: there is no login URL, the user's credentials must be posted to
    /// `handleLdapCallback(username:password:connectionID:)` instead.
    public static let loginCredentialsRequired: Self = "login.credentials_required"
    /// The redirect URI asked for is not on the connection's `redirect_uris` allow-list (exact
    /// match), or the connection has no redirect URI to use.
    public static let loginRedirectURINotAllowed: Self = "login.redirect_uri_not_allowed"
    /// A callback reached the handler of another protocol (an OIDC state at the SAML callback, a
    /// SAML connection given to the LDAP callback…).
    public static let loginProtocolMismatch: Self = "login.protocol_mismatch"
    /// A SAML response came without the RelayState that binds it to a started login, at a
    /// callback that does not name its connection (IdP-initiated responses are accepted only by
    /// `handleSamlCallback(samlResponse:relayState:connectionID:)`).
    public static let loginRelayStateMissing: Self = "login.relay_state_missing"
    /// A callback posted to one connection carries the state of a login started with another.
    public static let loginConnectionMismatch: Self = "login.connection_mismatch"
    /// The IdP metadata sets `WantAuthnRequestsSigned` and the SAML connection has no SP signing
    /// key: the engine sends no unsigned request. Configure `sp_signing_key_pem`.
    public static let connectionSigningKeyRequired: Self = "connection.signing_key_required"
    /// A connection's settings cannot be turned into a working protocol client (for instance an
    /// LDAP URL the connector refuses); the message names the problem, never a secret.
    public static let connectionMisconfigured: Self = "connection.misconfigured"
}
