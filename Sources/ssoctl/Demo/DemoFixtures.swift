import Foundation
import Sso

/// The organizations, connections and people of the demo. Secrets are obviously fake and are
/// checked to never appear in the demo's output.
enum DemoFixtures {
    static let organizationID = "org_acme"
    static let otherOrganizationID = "org_globex"

    static let oktaClientSecret = "demo-okta-client-secret-5f2c"
    static let ldapBindPassword = "demo-ldap-bind-password-91ab"
    static let legacyClientSecret = "demo-google-client-secret-77de"
    static let secrets = [oktaClientSecret, ldapBindPassword, legacyClientSecret]

    /// IdP metadata as Entra ID publishes it, trimmed to what the engine checks today.
    static let entraMetadata = """
        <?xml version="1.0" encoding="UTF-8"?>
        <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://sts.windows.net/contoso-tenant/">
          <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
            <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
                                    Location="https://login.microsoftonline.com/contoso-tenant/saml2"/>
          </md:IDPSSODescriptor>
        </md:EntityDescriptor>
        """

    static var okta: CreateSsoConnectionParams {
        .oidc(
            name: "Okta Production", issuerURL: "https://mycompany.okta.com", clientID: "0oa-demo-client",
            clientSecret: Secret(oktaClientSecret), domains: ["mycompany.com", "MyCompany.org."], jitProvisioning: true,
            defaultRole: "member"
        )
    }

    static var entra: CreateSsoConnectionParams {
        .saml(
            name: "Azure AD SAML", metadata: .xml(entraMetadata),
            assertionConsumerServiceURL: "https://yourapp.com/sso/saml/callback",
            entityID: "https://yourapp.com/saml/metadata", domains: ["contoso.com", "BÜCHER.example"],
            jitProvisioning: true,
            attributeMapping: [
                "email": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
                "name": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/displayname",
            ]
        )
    }

    static var openLDAP: CreateSsoConnectionParams {
        let settings = LDAPConnectionSettings(
            serverURL: "ldap://ldap.corp.example:389", tlsMode: .starttls, bindDN: "cn=sso-reader,dc=corp,dc=example",
            bindPassword: Secret(ldapBindPassword), userSearchBase: "ou=people,dc=corp,dc=example",
            userFilter: "(objectClass=inetOrgPerson)", groupSearchBase: "ou=groups,dc=corp,dc=example",
            groupMode: .groupSearch,
            groupMapping: [
                "cn=engineering,ou=groups,dc=corp,dc=example": ["grants:read", "grants:write"],
                "cn=admins,ou=groups,dc=corp,dc=example": ["admin"],
            ])
        return CreateSsoConnectionParams(
            name: "Corp OpenLDAP", settings: .ldap(settings), domains: ["corp.example"], jitProvisioning: true,
            defaultRole: "member")
    }

    /// Emails to route: three customers, an internationalised domain, and two that fail.
    static let emails = [
        "alice@mycompany.com", "Bob@CONTOSO.com", "carol@corp.example", "dieter@BÜCHER.example.",
        "dave@mycompany.org", "nobody@unknown.example", "eve@@mycompany.com",
    ]
}
