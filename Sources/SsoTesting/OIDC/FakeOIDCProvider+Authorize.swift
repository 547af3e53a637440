import Foundation
import SsoCore
import SsoOIDC

extension SsoError.Code {
    /// ``FakeOIDCProvider/authorize(_:as:)-(String,_)`` refused the authorization request.
    public static let fakeOIDCAuthorizeRefused: Self = "fake_oidc.authorize_refused"
}

extension FakeOIDCProvider {
    /// Plays the user logging in at the provider: checks the authorization request URL
    /// (`response_type=code`, registered client and exact redirect URI, `openid` scope, `state`,
    /// PKCE `S256`) and returns the redirect back to the relying party with a fresh code.
    public func authorize(_ authorizationURL: String, as user: FakeOIDCUser) throws(SsoError) -> Redirect {
        func refuse(_ message: String) -> SsoError { SsoError(.fakeOIDCAuthorizeRefused, message) }
        guard let components = URLComponents(string: authorizationURL), let scheme = components.scheme,
            let host = components.host
        else { throw refuse("the authorization URL is malformed") }
        let endpoint = "\(scheme)://\(host)\(components.port.map { ":\($0)" } ?? "")\(components.percentEncodedPath)"
        guard endpoint == authorizationEndpoint else {
            throw refuse("the URL is not this provider's authorization endpoint")
        }
        guard let pairs = FormURLEncoding.parse(components.percentEncodedQuery ?? "") else {
            throw refuse("the query is malformed")
        }
        var query: [String: String] = [:]
        for (name, value) in pairs {
            guard query.updateValue(value, forKey: name) == nil else {
                throw refuse("the parameter \(name) is repeated")
            }
        }
        guard query["response_type"] == "code" else { throw refuse("response_type must be code") }
        guard let clientID = query["client_id"], let client = state.withLock({ $0.clients[clientID] }) else {
            throw refuse("unknown client_id")
        }
        guard let redirectURI = query["redirect_uri"], client.redirectURIs.containsBytes(of: redirectURI) else {
            throw refuse("redirect_uri is not registered")
        }
        guard let scope = query["scope"], scope.split(separator: " ").contains("openid") else {
            throw refuse("scope must contain openid")
        }
        guard let stateValue = query["state"], !stateValue.isEmpty else { throw refuse("state is missing") }
        guard let challenge = query["code_challenge"], query["code_challenge_method"] == "S256" else {
            throw refuse("PKCE with S256 is required")
        }
        let code = random.token(byteCount: 24)
        let grant = Grant(
            clientID: clientID, redirectURI: redirectURI, nonce: query["nonce"], codeChallenge: challenge, scope: scope,
            user: user, issuedAt: clock.now)
        state.withLock { $0.grants[code] = grant }
        let back = FormURLEncoding.query([("code", code), ("state", stateValue), ("iss", issuer)])
        let separator = redirectURI.contains("?") ? "&" : "?"
        return Redirect(code: code, state: stateValue, url: redirectURI + separator + back, query: back)
    }
}
