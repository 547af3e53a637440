import Foundation
import Sso
import SsoJOSE
import SsoTesting

/// Connections and IdPs shaped like the real ones, on a ``SsoTestEnvironment``.
enum Flow {
    static let callback = "https://app.example.com/sso/callback"
    static let otherCallback = "https://app.example.com/sso/callback2"
    static let acs = "https://app.example.com/sso/saml/callback"
    static let spEntityID = "https://app.example.com/saml/metadata"

    struct OIDCShape: Sendable {
        let name: String
        let issuer: String
        let domain: String
        let subject: String
        var extraClaims: [String: JSONValue] = [:]
    }

    static let okta = OIDCShape(
        name: "Okta", issuer: "https://mycompany.okta.test", domain: "mycompany.com", subject: "00u1abcdEFGH",
        extraClaims: ["groups": .array([.string("Everyone"), .string("Engineering")])])
    static let google = OIDCShape(
        name: "Google Workspace", issuer: "https://accounts.google.test", domain: "gcorp.example",
        subject: "109876543210987654321", extraClaims: ["hd": .string("gcorp.example")])
    static let auth0 = OIDCShape(
        name: "Auth0", issuer: "https://tenant.auth0.test/", domain: "auth0corp.example", subject: "auth0|65f0c0ffee")

    /// Creates an OIDC connection for `shape` and installs its provider.
    static func oidc(
        _ env: SsoTestEnvironment, _ org: SsoOrganization, _ shape: OIDCShape, jit: Bool = true,
        clientID: String = "client-1"
    ) async throws -> (SsoConnection, FakeOIDCProvider) {
        let provider = env.addOIDCProvider(
            issuer: shape.issuer, clientID: clientID, clientSecret: Secret("secret-\(clientID)"),
            redirectURIs: [callback, otherCallback])
        var params = CreateSsoConnectionParams.oidc(
            name: shape.name, issuerURL: shape.issuer, clientID: clientID, clientSecret: Secret("secret-\(clientID)"),
            domains: [shape.domain], jitProvisioning: jit, defaultRole: "member")
        params.redirectURIs = [callback, otherCallback]
        return (try await org.createConnection(params), provider)
    }

    static func user(_ shape: OIDCShape, local: String = "alice", verified: Bool = true) -> FakeOIDCUser {
        FakeOIDCUser(
            subject: shape.subject + local, email: "\(local)@\(shape.domain)", emailVerified: verified,
            name: "\(local.capitalized) Smith", extraClaims: shape.extraClaims)
    }

    struct SAMLShape: Sendable {
        let name: String
        let entityID: String
        let domain: String
        let keyName: String
        let user: @Sendable (String) -> TestSAMLUser
    }

    static let entra = SAMLShape(
        name: "Azure AD SAML", entityID: "https://sts.windows.test/72f988bf-0000/", domain: "contoso.com",
        keyName: "entra-id"
    ) { email in
        TestSAMLUser.entraStyle(email: email, givenName: "Bob", surname: "Jones", groups: ["5f0c-admins"])
    }
    static let oneLogin = SAMLShape(
        name: "OneLogin", entityID: "https://app.onelogin.test/saml/metadata/123456", domain: "onecorp.example",
        keyName: "onelogin"
    ) { email in
        TestSAMLUser(
            nameID: email,
            attributes: [
                "User.email": [email], "User.FirstName": ["Olga"], "User.LastName": ["Ng"], "memberOf": ["Sales"],
            ])
    }
    static let ping = SAMLShape(
        name: "PingFederate", entityID: "https://pingfed.test:9031", domain: "pingcorp.example", keyName: "pingfederate"
    ) { email in
        TestSAMLUser(
            nameID: "pf-7788", nameIDFormat: "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
            attributes: ["mail": [email], "cn": ["Pat Ping"]])
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Creates a SAML connection for `shape` whose metadata is served at a URL on the transport.
    static func saml(
        _ env: SsoTestEnvironment, _ org: SsoOrganization, _ shape: SAMLShape, jit: Bool = true,
        allowUnsolicited: Bool? = nil
    ) async throws -> (SsoConnection, TestSAMLIdentityProvider) {
        let keys = packageRoot.appending(path: "Fixtures/saml/keys")
        let keyPEM = try? String(contentsOf: keys.appending(path: "\(shape.keyName)-key.pem"), encoding: .utf8)
        let certPEM = try? String(contentsOf: keys.appending(path: "\(shape.keyName)-cert.pem"), encoding: .utf8)
        let metadataURL = "https://metadata.test/\(shape.keyName).xml"
        let idp = try env.addSAMLIdentityProvider(
            entityID: shape.entityID, ssoURL: "https://sso.test/\(shape.keyName)", metadataURL: metadataURL,
            privateKeyPEM: keyPEM, certificatePEM: certPEM)
        var params = CreateSsoConnectionParams.saml(
            name: shape.name, metadata: .url(metadataURL), assertionConsumerServiceURL: acs, entityID: spEntityID,
            domains: [shape.domain], jitProvisioning: jit, defaultRole: "member")
        params.editSAML { $0.allowUnsolicited = allowUnsolicited ?? false }
        return (try await org.createConnection(params), idp)
    }
}
