/// Changes to an OIDC connection's settings: `nil` fields stay as they are.
public struct OIDCSettingsPatch: Sendable {
    var issuerURL: String?
    var clientID: String?
    /// Replaces the client secret (write-only).
    var clientSecret: Secret?

    /// A patch of the given fields.
    public init(issuerURL: String? = nil, clientID: String? = nil, clientSecret: Secret? = nil) {
        self.issuerURL = issuerURL
        self.clientID = clientID
        self.clientSecret = clientSecret
    }

    /// The JSON names of the fields this patch sets, in the reference's order.
    var fieldNames: [String] {
        [(issuerURL != nil, "issuer_url"), (clientID != nil, "client_id"), (clientSecret != nil, "client_secret")]
            .filter(\.0).map(\.1)
    }

    /// `settings` with every set field of this patch applied.
    func applied(to settings: OIDCConnectionSettings) -> OIDCConnectionSettings {
        var s = settings
        if let issuerURL { s.issuerURL = issuerURL }
        if let clientID { s.clientID = clientID }
        if let clientSecret { s.clientSecret = clientSecret }
        return s
    }
}
