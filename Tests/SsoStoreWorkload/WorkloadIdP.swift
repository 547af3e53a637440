import Foundation
import Sso
import SsoCore
import SsoTesting

/// The SAML IdP every process of a multi-process test shares: a fixed test-only key pair from
/// `Fixtures/saml/keys`, so a response signed by one process verifies in another.
enum WorkloadIdP {
    static let entityID = "https://idp.workload.test/saml"
    static let ssoURL = "https://idp.workload.test/sso"
    static let spEntityID = "https://app.example.com/saml/metadata"
    static let acsURL = "https://app.example.com/sso/saml/callback"

    static func provider(keys directory: String) throws -> TestSAMLIdentityProvider {
        let folder = URL(fileURLWithPath: directory)
        return try TestSAMLIdentityProvider(
            entityID: entityID, ssoURL: ssoURL,
            privateKeyPEM: try String(contentsOf: folder.appending(path: "onelogin-key.pem"), encoding: .utf8),
            certificatePEM: try String(contentsOf: folder.appending(path: "onelogin-cert.pem"), encoding: .utf8),
            clock: SystemClock())
    }

    /// The parameters of a SAML connection to this IdP for `domains`.
    static func connection(_ idp: TestSAMLIdentityProvider, name: String, domains: [String])
        -> CreateSsoConnectionParams
    {
        var params = CreateSsoConnectionParams.saml(
            name: name, metadata: .xml(idp.metadataXML()), assertionConsumerServiceURL: acsURL,
            entityID: spEntityID, domains: domains, jitProvisioning: true, defaultRole: "member")
        if case .saml(var saml) = params.settings {
            saml.allowUnsolicited = true
            params.settings = .saml(saml)
        }
        return params
    }

    static func user(_ email: String) -> TestSAMLUser {
        TestSAMLUser(
            nameID: email, attributes: ["User.email": [email], "User.FirstName": ["W"], "User.LastName": ["L"]])
    }
}
