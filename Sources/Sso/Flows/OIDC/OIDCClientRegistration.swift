/// The provider and client an OIDC login runs against: a connection's OIDC settings, or the
/// legacy single-config's. The flow refuses a pending login started with another one.
struct OIDCClientRegistration: Sendable {
    var issuer: String
    var clientID: String
    var clientSecret: Secret
    /// The redirect URIs a login may use (exact match).
    var redirectURIs: [String]
    /// The connection; `nil` for the legacy config.
    var connectionID: String?

    /// The registration of an OIDC connection.
    init(connection: SsoConnectionRecord, settings: OIDCConnectionSettings) {
        self.init(
            issuer: settings.issuerURL, clientID: settings.clientID, clientSecret: settings.clientSecret,
            redirectURIs: connection.redirectURIs, connectionID: connection.id)
    }

    init(issuer: String, clientID: String, clientSecret: Secret, redirectURIs: [String], connectionID: String?) {
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURIs = redirectURIs
        self.connectionID = connectionID
    }
}
