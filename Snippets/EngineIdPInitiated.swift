// An IdP-initiated SAML response at the connection's own ACS URL: the route names the
// connection, because the response names no login of ours.
import Sso

// snippet.hide
func idpInitiated(engine: SsoEngine, connectionID: String, samlResponse: String, relayState: String?) async throws {
    // snippet.show
    // POST /sso/saml/callback/{connection_id}  SAMLResponse=…&RelayState=…
    let result = try await engine.handleSamlCallback(
        samlResponse: samlResponse, relayState: relayState, connectionID: connectionID)
    print(result.email ?? "no email", result.sessionID ?? "no session")
    // snippet.hide
}
// snippet.show
