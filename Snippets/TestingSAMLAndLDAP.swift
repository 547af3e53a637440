// SAML and LDAP logins in a test: an in-process IdP that signs with libxmlsec1, and an
// in-memory directory that behaves like OpenLDAP or Active Directory.
// snippet.hide
import Foundation
// snippet.show
import Sso
import SsoTesting

// snippet.hide
func samlAndLDAPLogins() async throws {
    // snippet.show
    let environment = SsoTestEnvironment()
    let idp = try environment.addSAMLIdentityProvider(
        entityID: "https://sts.windows.test/tenant/", ssoURL: "https://idp.test/sso",
        metadataURL: "https://idp.test/metadata.xml")
    let contoso = try environment.engine.organization("org_contoso")
    _ = try await contoso.createConnection(
        .saml(
            name: "Entra", metadata: .url("https://idp.test/metadata.xml"),
            assertionConsumerServiceURL: "https://app.test/sso/saml/callback",
            entityID: "https://app.test/saml/metadata", domains: ["contoso.com"], jitProvisioning: true))
    let post = try idp.respond(
        to: try await contoso.getLoginURL(domain: "contoso.com"),
        as: .entraStyle(email: "bob@contoso.com", givenName: "Bob", surname: "Jones"))
    let saml = try await contoso.handleSamlCallback(samlResponse: post.samlResponse, relayState: post.relayState)
    print(saml.email ?? "no email")

    // LDAP: give the engine the fake directory's connector.
    let directory = FakeLDAPDirectory()
    directory.add(dn: "cn=svc,dc=corp,dc=test", attributes: [:], password: "svc-pw")
    directory.add(dn: "ou=people,dc=corp,dc=test", attributes: ["objectClass": ["organizationalUnit"]])
    directory.add(
        dn: "uid=carol,ou=people,dc=corp,dc=test",
        attributes: ["uid": ["carol"], "mail": ["carol@corp.test"], "entryUUID": ["4f0c…"]], password: "carol-pw")
    let ldapEnvironment = SsoTestEnvironment(ldapConnector: directory.connector)
    let corp = try ldapEnvironment.engine.organization("org_corp")
    let connection = try await corp.createConnection(
        .ldap(
            name: "Corp LDAP", serverURL: "ldap://ldap.corp.test", bindDN: "cn=svc,dc=corp,dc=test",
            bindPassword: Secret("svc-pw"), userSearchBase: "ou=people,dc=corp,dc=test",
            domains: ["corp.test"], jitProvisioning: true))
    let carol = try await corp.handleLdapCallback(
        username: "carol", password: Secret("carol-pw"), connectionID: connection.id)
    print(carol.email ?? "no email")

    // Time: move the test clock past the login-state lifetime to test expiry.
    environment.clock.advance(by: 601)
    // snippet.hide
}
// snippet.show
