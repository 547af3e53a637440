import Foundation
import Sso
import SsoOIDC

/// Realistic records for the checks; they need not pass engine validation, only be stored.
enum Records {
    /// An OIDC connection with a client secret.
    static func connection(
        id: String = Unique.id("sso_conn"), organizationID: String, domains: [DomainName] = [],
        matchSubdomains: Bool = false, createdAt: Date = SsoStoreConformance.storyTime
    ) -> SsoConnectionRecord {
        SsoConnectionRecord(
            id: id, organizationID: organizationID, name: "Okta \(id)", domains: domains,
            matchSubdomains: matchSubdomains, jitProvisioning: true, defaultRole: "member",
            redirectURIs: ["https://app.example.com/sso/callback"],
            settings: .oidc(
                OIDCConnectionSettings(
                    issuerURL: "https://acme.okta.example", clientID: "client-\(id)",
                    clientSecret: Secret("secret-\(Unique.hex())"))),
            createdAt: createdAt, updatedAt: createdAt)
    }

    /// A session of `connectionID`, created at `createdAt` and expiring at `expiresAt`.
    static func session(
        id: String = Unique.id("sso_sess"), organizationID: String, connectionID: String, createdAt: Date,
        expiresAt: Date
    ) -> SsoSessionRecord {
        SsoSessionRecord(
            id: id, organizationID: organizationID, connectionID: connectionID, connectionName: "Okta",
            email: "alice@acme.example", userID: Unique.id("dev"), subject: "00u\(Unique.hex())",
            createdAt: createdAt, expiresAt: expiresAt)
    }

    /// A user of `connectionID` linked to (`issuer`, `subject`).
    static func user(
        id: String = Unique.id("dev"), organizationID: String, connectionID: String,
        issuer: String = "https://acme.okta.example", subject: String = "00u\(Unique.hex())",
        createdAt: Date = SsoStoreConformance.storyTime
    ) -> SsoUser {
        SsoUser(
            id: id, organizationID: organizationID, connectionID: connectionID, subject: subject,
            email: "alice@acme.example", name: "Alice Ørsted", role: "admin", provisioned: true, createdAt: createdAt,
            issuer: issuer)
    }

    /// A pending OIDC login with every field set.
    static func pendingOIDC(
        organizationID: String = Unique.id("org"), connectionID: String? = Unique.id("sso_conn"),
        createdAt: Date = SsoStoreConformance.storyTime
    ) -> SsoPendingLogin {
        let started = PendingOIDCLogin(
            state: "st-\(Unique.hex())", nonce: "n-\(Unique.hex())", codeVerifier: Secret("pkce-\(Unique.hex())"),
            redirectURI: "https://app.example.com/sso/callback?tenant=acme", issuer: "https://acme.okta.example",
            clientID: "client-\(Unique.hex())", maxAge: 3_600, context: "{\"return_to\":\"/dashboard\"}",
            createdAt: createdAt)
        return SsoPendingLogin(
            organizationID: organizationID, connectionID: connectionID, protocolState: .oidc(started),
            createdAt: createdAt)
    }

    /// A pending SAML login.
    static func pendingSAML(
        organizationID: String = Unique.id("org"), connectionID: String = Unique.id("sso_conn"),
        createdAt: Date = SsoStoreConformance.storyTime
    ) -> SsoPendingLogin {
        SsoPendingLogin(
            organizationID: organizationID, connectionID: connectionID,
            protocolState: .saml(requestID: "_\(Unique.hex())\(Unique.hex())"), createdAt: createdAt)
    }
}
