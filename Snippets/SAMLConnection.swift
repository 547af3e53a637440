// A SAML connection through the engine: the IdP's metadata, this SP's metadata for the IdP's
// admin, attribute mapping, IdP-initiated logins and signed AuthnRequests.
// snippet.hide
import Foundation
// snippet.show
import Sso

// snippet.hide
func setUp(engine: SsoEngine, simpleSAMLphpMetadataXML: String, spKeyPEM: String, spCertificatePEM: String)
    async throws
{
    // snippet.show
    let organization = try engine.organization("org_contoso")

    // Entra ID publishes its metadata at a URL; the engine fetches it over https, caches it for
    // its cacheDuration (at most an hour) and follows the IdP's certificate rollovers.
    var entra = CreateSsoConnectionParams.saml(
        name: "Contoso Entra ID",
        metadata: .url(
            "https://login.microsoftonline.com/<tenant-id>/federationmetadata/2007-06/federationmetadata.xml"),
        assertionConsumerServiceURL: "https://app.example.com/sso/saml/callback",
        entityID: "https://app.example.com/saml/metadata",
        domains: ["contoso.com"], jitProvisioning: true, defaultRole: "member",
        // Entra sends its own claim URIs; the defaults know them. Override only what differs.
        attributeMapping: ["groups": "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups"])
    entra.redirectURIs = ["https://app.example.com/dashboard"]
    let connection = try await organization.createConnection(entra)

    // Give the IdP's admin our SP metadata (entity id, ACS URL, signing certificate if any).
    let spMetadata = try await organization.serviceProviderMetadata(connectionID: connection.id)
    print(spMetadata)

    // SimpleSAMLphp or any IdP whose metadata you were sent as a file: store the document.
    // IdP-initiated logins (the user starts at the IdP's portal) are off unless allowed.
    // An IdP that wants signed AuthnRequests gets them with an SP key (RSA-2048 or larger).
    let settings = SAMLConnectionSettings(
        metadata: .xml(simpleSAMLphpMetadataXML),
        assertionConsumerServiceURL: "https://app.example.com/sso/saml/callback",
        entityID: "https://app.example.com/saml/metadata",
        allowUnsolicited: true,
        requestSigning: SAMLRequestSigning(key: Secret(spKeyPEM), certificatePEM: spCertificatePEM))
    let partner = try await organization.createConnection(
        CreateSsoConnectionParams(name: "Partner IdP", settings: .saml(settings), domains: ["partner.example"]))
    // An IdP-initiated response names no login of ours, so it posts to the connection's own ACS
    // URL, /sso/saml/callback/{connection_id}; SP-initiated logins work there too.
    _ = try await organization.updateConnection(
        partner.id,
        UpdateSsoConnectionParams(
            settings: .saml(
                SAMLSettingsPatch(
                    assertionConsumerServiceURL: "https://app.example.com/sso/saml/callback/\(partner.id)"))))

    // Before going live: fetch the metadata, check certificates and endpoints.
    let check = try await organization.testConnection(connection.id)
    print(check.success, check.message)
    // snippet.hide
}
// snippet.show
