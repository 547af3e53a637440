extension ConnectionValidator {
    /// Checked and normalised OIDC settings.
    func oidc(_ s: OIDCConnectionSettings) throws(SsoError) -> OIDCConnectionSettings {
        let issuer = try rules.webURL(s.issuerURL, "issuer_url", allowQuery: false)
        let clientID = try rules.text(s.clientID, "client_id", maxBytes: 255)
        let secret = try rules.secret(s.clientSecret, "client_secret")
        return OIDCConnectionSettings(issuerURL: issuer, clientID: clientID, clientSecret: secret)
    }
}
