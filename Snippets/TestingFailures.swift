// Make an IdP fail on purpose and move time, to test what your users see when things go wrong.
// snippet.hide
import Foundation
// snippet.show
import Sso
import SsoTesting

// snippet.hide
func failures() async throws {
    // snippet.show
    let environment = SsoTestEnvironment()
    let okta = environment.addOIDCProvider(
        issuer: "https://acme.okta.test", clientID: "app", clientSecret: Secret("s3cret"),
        redirectURIs: ["https://app.test/sso/callback"])
    // The token endpoint times out from now on …
    environment.transport.route(okta.tokenEndpoint) { _, _ in throw URLError(.timedOut) }
    // … and ten minutes and a second pass: every login started before has expired.
    environment.clock.advance(by: 601)
    // snippet.hide
}
// snippet.show
