import Foundation
import Sso
import SsoOIDC

extension SsoPendingLogin {
    /// A pending OIDC login for store-level tests (no provider behind it).
    static func sampleOIDC(
        organizationID: String, connectionID: String?, codeVerifier: Secret = Secret("verifier"), createdAt: Date
    ) -> SsoPendingLogin {
        let started = PendingOIDCLogin(
            state: "state", nonce: "nonce", codeVerifier: codeVerifier, redirectURI: "https://app.example.com/callback",
            issuer: "https://op.example.test", clientID: "client", createdAt: createdAt)
        return SsoPendingLogin(
            organizationID: organizationID, connectionID: connectionID, protocolState: .oidc(started),
            createdAt: createdAt)
    }
}
