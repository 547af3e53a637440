extension ConnectionValidator {
    func oidc(_ p: CreateSsoConnectionParams) throws(SsoError) -> SsoOIDCSettings {
        try refuseSAMLFields(p, for: .oidc)
        try refuseLDAPFields(p, for: .oidc)
        let issuer = try rules.webURL(p.issuerURL, "issuer_url", allowQuery: false)
        let clientID = try rules.text(p.clientID, "client_id", maxBytes: 255)
        let secret = try rules.secret(p.clientSecret, "client_secret")
        return SsoOIDCSettings(issuerURL: issuer, clientID: clientID, clientSecret: secret)
    }

    func refuseOIDCFields(_ p: CreateSsoConnectionParams, for proto: SsoProtocol) throws(SsoError) {
        try rules.absent(p.issuerURL != nil, "issuer_url", for: proto)
        try rules.absent(p.clientID != nil, "client_id", for: proto)
        try rules.absent(p.clientSecret != nil, "client_secret", for: proto)
    }
}
