// The OpenID Connect relying party without the engine: send the browser to the provider, then
// complete the callback with the single-use pending login.
// snippet.hide
import Foundation
// snippet.show
import SsoCore
import SsoOIDC

// snippet.hide
func login(transport: any HTTPTransport, clientID: String, clientSecret: String, email: String) async throws {
    let now = Date()
    // snippet.show
    let client = try OIDCClient(
        configuration: OIDCConfiguration(
            issuer: "https://accounts.google.com",
            clientID: clientID, clientSecret: Secret(clientSecret),
            redirectURI: "https://app.example.com/sso/callback",
            transport: transport))
    let pendingLogins = InMemorySingleUseStore<PendingOIDCLogin>()

    // 1. Send the browser to the provider; keep the pending login, single use, under its state.
    let request = try await client.authorize(AuthorizationParameters(loginHint: email))
    try await pendingLogins.insert(request.pending, forKey: request.state, expiresAt: now + 600, now: now)
    print("302 Location:", request.url)

    // 2. On the callback: take the state once, exchange the code with PKCE, validate the ID token.
    let query = "code=…&state=…&iss=…"  // the callback URL's query, as received
    switch try OIDCCallback.parse(query: query) {
    case .code(let code, let state, let iss):
        guard let pending = await pendingLogins.take(state, now: now) else {
            throw SsoError(.oidcStateInvalid, "unknown, expired or already used state")
        }
        let login = try await client.complete(code: code, iss: iss, pending: pending)
        print(login.identity.subject, login.identity.email ?? "no email")
    case .error(let response, let state):
        if let state { _ = await pendingLogins.take(state, now: now) }
        throw OIDCCallback.refusal(response)
    }
    // snippet.hide
}
// snippet.show
