import Foundation
import Sso
import SsoTesting

/// The login half of the demo: the reference's "Full Enterprise SSO Flow Example" for real,
/// against IdPs embedded in this process (an OIDC provider and a SAML IdP behind the engine's
/// injected transport) and a throwaway local slapd.
final class LoginWalk {
    let printer: DemoPrinter
    let env: SsoTestEnvironment
    let org: SsoOrganization
    /// Protocols whose login succeeded, in order.
    private(set) var succeeded: [String] = []
    /// How many checks failed.
    var failures = 0

    static let oktaIssuer = "https://mycompany.okta.com"
    static let oktaClientID = "0oa-demo-client"
    static let callback = "https://yourapp.com/sso/callback"
    /// The fixture directory's service-account and user passwords (checked never to be printed).
    static let ldapServicePassword = "svc-pw"
    static let ldapUserPassword = "alice-pw"
    static let entraMetadataURL =
        "https://login.microsoftonline.com/contoso-tenant/federationmetadata/2007-06/federationmetadata.xml"

    var okta: SsoConnection?
    var entra: SsoConnection?
    var ldap: SsoConnection?
    var oidcProvider: FakeOIDCProvider?
    var samlIdP: TestSAMLIdentityProvider?
    var sessionIDs: [String] = []

    init(printer: DemoPrinter, stores: SsoStores) throws {
        self.printer = printer
        let env = SsoTestEnvironment(start: Date(), stores: stores)
        self.env = env
        self.org = try env.engine.organization(DemoFixtures.organizationID)
    }

    /// Runs every step with the given LDAP server (or the reason it is missing).
    func run(ldapServer: Result<DemoLDAPServer, DemoError>) async {
        printer.line("")
        printer.line("Part 2 — the Full Enterprise SSO Flow Example, for real: embedded OIDC provider and SAML IdP,")
        printer.line("a throwaway slapd, one SsoEngine with a fake HTTP transport, its state in a SQLite file.")
        await startIdentityProviders()
        await createConnections(ldapServer: ldapServer)
        await testConnections()
        await enforce()
        await route()
        await loginOIDC()
        await loginSAML()
        await loginLDAP(ldapServer: ldapServer)
        await manageSessions()
    }

    /// Runs `body`, printing its error and counting a failure when it throws.
    func attempt<T>(_ label: String, _ body: () async throws -> T) async -> T? {
        do {
            return try await body()
        } catch let error as SsoError {
            failures += 1
            printer.fail("\(label): \(error.code): \(error.message)")
        } catch {
            failures += 1
            printer.fail("\(label): \(error)")
        }
        return nil
    }

    func check(_ condition: Bool, _ text: String) {
        if condition {
            printer.ok(text)
        } else {
            failures += 1
            printer.fail(text)
        }
    }

    func succeed(_ protocolName: String) {
        succeeded.append(protocolName)
    }
}
