import Foundation
import Hummingbird
import HummingbirdTesting
import Sso
import SsoHummingbird
import SsoTesting

/// An application with the SSO routes over an in-process IdP of each protocol, and a `/me`
/// route that needs a session.
struct RouteFixture: Sendable {
    static let callback = "https://app.example.com/sso/callback"
    static let acs = "https://app.example.com/sso/saml/callback"
    let env: SsoTestEnvironment
    let organization: SsoOrganization
    let oidc: FakeOIDCProvider
    let saml: TestSAMLIdentityProvider
    let samlConnection: SsoConnection
    let ldapConnection: SsoConnection
    let configuration: SsoRouteConfiguration

    static func make(organizationID: String? = "org_acme") async throws -> RouteFixture {
        let directory = FakeLDAPDirectory()
        directory.add(dn: "cn=svc,dc=corp,dc=example", attributes: ["cn": ["svc"]], password: "svc-pw")
        directory.add(
            dn: "ou=people,dc=corp,dc=example", attributes: ["objectClass": ["organizationalUnit"], "ou": ["people"]])
        directory.add(
            dn: "uid=carol,ou=people,dc=corp,dc=example",
            attributes: [
                "objectClass": ["inetOrgPerson"], "uid": ["carol"], "mail": ["carol@corp.example"],
                "entryUUID": ["4b1c0a2e-0000-4000-8000-000000000001"],
            ], password: "carol-pw")
        let env = SsoTestEnvironment(ldapConnector: directory.connector)
        let organization = try env.engine.organization("org_acme")
        let oidc = env.addOIDCProvider(
            issuer: "https://acme.okta.test", clientID: "client-1", clientSecret: Secret("client-secret"),
            redirectURIs: [callback])
        var oidcParams = CreateSsoConnectionParams.oidc(
            name: "Okta", issuerURL: "https://acme.okta.test", clientID: "client-1",
            clientSecret: Secret("client-secret"),
            domains: ["acme.example"], jitProvisioning: true, defaultRole: "member")
        oidcParams.redirectURIs = [callback]
        _ = try await organization.createConnection(oidcParams)
        let saml = try env.addSAMLIdentityProvider(
            entityID: "https://idp.contoso.test", ssoURL: "https://idp.contoso.test/sso")
        var samlParams = CreateSsoConnectionParams.saml(
            name: "Contoso <SAML>", metadata: .xml(saml.metadataXML()), assertionConsumerServiceURL: acs,
            entityID: "https://app.example.com/saml/metadata", domains: ["contoso.example"], jitProvisioning: true,
            defaultRole: "member")
        if case .saml(var settings) = samlParams.settings {
            settings.allowUnsolicited = true
            samlParams.settings = .saml(settings)
        }
        let samlConnection = try await organization.createConnection(samlParams)
        let ldapConnection = try await organization.createConnection(
            .ldap(
                name: "Corp LDAP", serverURL: "ldaps://ldap.corp.example", bindDN: "cn=svc,dc=corp,dc=example",
                bindPassword: Secret("svc-pw"), userSearchBase: "ou=people,dc=corp,dc=example",
                domains: ["corp.example"], jitProvisioning: true, defaultRole: "member"))
        let configuration = SsoRouteConfiguration(
            cookieKey: try SsoCookieKey(Array(repeating: 9, count: 32)), afterLoginPath: "/me",
            organizationID: organizationID)
        return RouteFixture(
            env: env, organization: organization, oidc: oidc, saml: saml, samlConnection: samlConnection,
            ldapConnection: ldapConnection, configuration: configuration)
    }

    func application(maxFormBytes: Int? = nil) -> some ApplicationProtocol {
        var configuration = self.configuration
        if let maxFormBytes { configuration.maxFormBytes = maxFormBytes }
        let router = Router(context: SsoBasicRequestContext.self)
        router.add(middleware: SsoSessionMiddleware(engine: env.engine, configuration: configuration))
        SsoRoutes<SsoBasicRequestContext>(engine: env.engine, configuration: configuration).register(on: router)
        router.get("/me") { _, context -> Response in
            guard let session = context.ssoSession else { return Response(status: .unauthorized) }
            return Response(
                status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "\(session.email)|\(session.id)")))
        }
        return Application(router: router)
    }
}
