import Foundation
import HTTPTypes
import Sso
import SsoTesting
import Testing

/// The documented ways to test a login handler with SsoTesting work as written.
@Suite struct SsoTestEnvironmentTests {
    @Test func oidcLoginAsDocumented() async throws {
        let env = SsoTestEnvironment()
        let okta = env.addOIDCProvider(
            issuer: "https://acme.okta.test", clientID: "app", clientSecret: Secret("s3cret"),
            redirectURIs: ["https://app.test/sso/callback"])
        let org = try env.engine.organization("org_acme")
        var params = CreateSsoConnectionParams.oidc(
            name: "Okta", issuerURL: "https://acme.okta.test", clientID: "app", clientSecret: Secret("s3cret"),
            domains: ["acme.test"], jitProvisioning: true, defaultRole: "member")
        params.redirectURIs = ["https://app.test/sso/callback"]
        _ = try await org.createConnection(params)
        let login = try await org.getLoginURL(domain: "alice@acme.test")
        let redirect = try okta.authorize(login, as: FakeOIDCUser(subject: "00u1", email: "alice@acme.test"))
        let result = try await org.handleOidcCallback(code: redirect.code, state: redirect.state)
        #expect(result.provisioned)
        #expect(env.transport.count(for: okta.tokenEndpoint) == 1)
    }

    @Test func samlLoginAsDocumented() async throws {
        let env = SsoTestEnvironment()
        let idp = try env.addSAMLIdentityProvider(
            entityID: "https://sts.windows.test/tenant/", ssoURL: "https://idp.test/sso",
            metadataURL: "https://idp.test/metadata.xml")
        let org = try env.engine.organization("org_acme")
        _ = try await org.createConnection(
            .saml(
                name: "Entra", metadata: .url("https://idp.test/metadata.xml"),
                assertionConsumerServiceURL: "https://app.test/sso/saml/callback", entityID: "https://app.test/saml",
                domains: ["contoso.com"], jitProvisioning: true))
        let post = try idp.respond(
            to: try await org.getLoginURL(domain: "contoso.com"),
            as: .entraStyle(email: "bob@contoso.com", givenName: "Bob", surname: "Jones"))
        let result = try await org.handleSamlCallback(samlResponse: post.samlResponse, relayState: post.relayState)
        #expect(result.email == "bob@contoso.com")
        #expect(result.name == "Bob Jones")
    }

    @Test func ldapLoginWithTheFakeDirectory() async throws {
        let directory = FakeLDAPDirectory()
        directory.add(dn: "cn=svc,dc=corp,dc=test", attributes: [:], password: "svc-pw")
        directory.add(dn: "ou=people,dc=corp,dc=test", attributes: ["objectClass": ["organizationalUnit"]])
        directory.add(
            dn: "uid=carol,ou=people,dc=corp,dc=test",
            attributes: [
                "objectClass": ["inetOrgPerson"], "uid": ["carol"], "mail": ["carol@corp.test"], "entryUUID": ["c-1"],
            ],
            password: "carol-pw")
        let env = SsoTestEnvironment(ldapConnector: directory.connector)
        let org = try env.engine.organization("org_acme")
        let params = CreateSsoConnectionParams.ldap(
            name: "LDAP", serverURL: "ldaps://ldap.corp.test", bindDN: "cn=svc,dc=corp,dc=test",
            bindPassword: Secret("svc-pw"),
            userSearchBase: "ou=people,dc=corp,dc=test", domains: ["corp.test"], jitProvisioning: true)
        let connection = try await org.createConnection(params)
        let result = try await org.handleLdapCallback(
            username: "carol", password: Secret("carol-pw"), connectionID: connection.id)
        #expect(result.sub == "c-1")
        #expect(directory.counters.binds >= 2)
    }

    @Test func clockAndTransportAreTheEngines() async throws {
        let env = SsoTestEnvironment(start: Date(timeIntervalSince1970: 1_000_000))
        #expect(env.engine.clock.now == Date(timeIntervalSince1970: 1_000_000))
        env.clock.advance(by: 60)
        #expect(env.engine.clock.now == Date(timeIntervalSince1970: 1_000_060))
        env.transport.route("https://x.test/a", text: "hi")
        let response = try await env.engine.httpTransport.send(
            HTTPRequest(method: .get, scheme: "https", authority: "x.test", path: "/a"), body: nil,
            maxResponseBytes: 100)
        #expect(response.body == Array("hi".utf8))
        #expect(env.transport.count(for: "https://x.test/a") == 1)
    }
}
