import Foundation
import Sso

/// One connection record per protocol with every field set, secrets included.
enum ConnectionSamples {
    static func everyProtocol(organizationID: String) throws -> [SsoConnectionRecord] {
        let base = SsoStoreConformance.storyTime
        let oidc = SsoConnectionRecord(
            id: Unique.id("sso_conn"), organizationID: organizationID, name: "Okta — Zürich office", status: .error,
            statusReason: "discovery returned 503", domains: [try Unique.domain(), try Unique.domain()],
            matchSubdomains: true, jitProvisioning: true, defaultRole: "member",
            redirectURIs: ["https://app.example.com/sso/callback", "https://staging.example.com/sso/callback"],
            settings: .oidc(
                OIDCConnectionSettings(
                    issuerURL: "https://acme.okta.example", clientID: "0oa\(Unique.hex())",
                    clientSecret: Secret("s3cr3t-\(Unique.hex())-é"))),
            createdAt: base, updatedAt: base.addingTimeInterval(30))
        let saml = SsoConnectionRecord(
            id: Unique.id("sso_conn"), organizationID: organizationID, name: "Entra ID", statusReason: nil,
            domains: [try Unique.domain()], jitProvisioning: false, defaultRole: nil, redirectURIs: [],
            settings: .saml(try samlSettings()), createdAt: base.addingTimeInterval(1),
            updatedAt: base.addingTimeInterval(1))
        let ldap = SsoConnectionRecord(
            id: Unique.id("sso_conn"), organizationID: organizationID, name: "Corporate directory", status: .inactive,
            domains: [try DomainName("bücher-\(Unique.hex()).example")], jitProvisioning: true,
            defaultRole: "viewer", settings: .ldap(ldapSettings()), createdAt: base.addingTimeInterval(2),
            updatedAt: base.addingTimeInterval(3))
        return [oidc, saml, ldap]
    }

    static func samlSettings() throws -> SAMLConnectionSettings {
        let signing = try TestSAMLKeyPair.conformanceRequestSigning()
        return SAMLConnectionSettings(
            metadata: .xml(metadataXML(certificateBase64: signing.certificateBase64)),
            assertionConsumerServiceURL: "https://app.example.com/sso/saml/acs",
            entityID: "https://app.example.com/sso/saml/\(Unique.hex())",
            attributeMapping: [
                "email": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
                "name": "displayName", "groups": "memberOf",
            ],
            allowUnsolicited: true,
            requestSigning: SAMLRequestSigning(key: Secret(signing.keyPEM), certificatePEM: signing.certificatePEM))
    }

    static func ldapSettings() -> LDAPConnectionSettings {
        LDAPConnectionSettings(
            serverURL: "ldaps://ldap.acme.example:636", caCertificatePEM: nil,
            bindDN: "cn=svc-sso,ou=Services,dc=acme,dc=example",
            bindPassword: Secret("bind-\(Unique.hex())-ü"), userSearchBase: "ou=People,dc=acme,dc=example",
            userAttribute: "sAMAccountName", userFilter: "(&(objectClass=person)(!(userAccountControl=514)))",
            groupSearchBase: "ou=Groups,dc=acme,dc=example", groupMode: .nestedGroupSearch,
            groupMapping: [
                "cn=Engineers,ou=Groups,dc=acme,dc=example": ["repo:write", "deploy:staging"], "Admins": ["admin"],
            ],
            requireGroup: true)
    }

    /// IdP metadata with one signing certificate and the Redirect and POST SSO endpoints.
    static func metadataXML(certificateBase64: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" \
        xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://sts.entra.example/\(Unique.hex())/">
          <md:IDPSSODescriptor WantAuthnRequestsSigned="true" \
        protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
            <md:KeyDescriptor use="signing">
              <ds:KeyInfo><ds:X509Data>
                <ds:X509Certificate>\(certificateBase64)</ds:X509Certificate>
              </ds:X509Data></ds:KeyInfo>
            </md:KeyDescriptor>
            <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
            <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" \
        Location="https://login.entra.example/saml2"/>
            <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" \
        Location="https://login.entra.example/saml2"/>
          </md:IDPSSODescriptor>
        </md:EntityDescriptor>
        """
    }
}
