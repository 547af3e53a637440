import Foundation
import Sso
import Testing

@Suite struct ReferenceJSONTests {
    @Test func connectionEncodesTheReferenceFields() async throws {
        let conn = try await TestEngine().org().createConnection(Samples.oidc())
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(conn)) as? [String: Any]
        let keys = Set(object?.keys.map { $0 } ?? [])
        for key in ["id", "name", "protocol", "status", "domains", "jit_provisioning", "default_role", "created_at", "updated_at"] {
            #expect(keys.contains(key), "missing \(key)")
        }
        #expect(!keys.contains("client_secret"))
        #expect(!keys.contains("status_reason"))
        #expect(object?["created_at"] as? String == "2026-03-29T12:00:00Z")
        #expect(object?["protocol"] as? String == "oidc")
        #expect(try JSONDecoder().decode(SsoConnection.self, from: JSONEncoder().encode(conn)) == conn)
        let list = SsoConnectionList(connections: [conn])
        #expect(try JSONDecoder().decode(SsoConnectionList.self, from: JSONEncoder().encode(list)) == list)
    }

    @Test func createParamsDecodeFromTheReferenceExamples() async throws {
        let saml = """
            {"name": "Azure AD SAML", "protocol": "saml",
             "metadata_url": "https://login.microsoftonline.com/tenant/federationmetadata/2007-06/federationmetadata.xml",
             "assertion_consumer_service_url": "https://yourapp.com/sso/saml/callback",
             "entity_id": "https://yourapp.com/saml/metadata", "domains": ["contoso.com"], "jit_provisioning": true,
             "attribute_mapping": {"email": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"}}
            """
        let params = try JSONDecoder().decode(CreateSsoConnectionParams.self, from: Data(saml.utf8))
        #expect(params.protocol == .saml)
        #expect(params.attributeMapping?["email"] != nil)
        let conn = try await TestEngine().org().createConnection(params)
        #expect(conn.metadataURL == params.metadataURL)
        #expect(conn.domains == ["contoso.com"])
        let ldap = """
            {"name": "Corp", "protocol": "ldap", "server_url": "ldaps://ldap.corp.example", "bind_dn": "cn=svc,dc=corp",
             "bind_password": "pw", "user_search_base": "ou=people,dc=corp", "group_mode": "member_of",
             "group_mapping": {"cn=admins,dc=corp": ["admin"]}, "require_group": true}
            """
        let ldapParams = try JSONDecoder().decode(CreateSsoConnectionParams.self, from: Data(ldap.utf8))
        #expect(ldapParams.bindPassword == Secret("pw"))
        #expect(try await TestEngine().org().createConnection(ldapParams).requireGroup == true)
    }

    @Test func updateParamsDecodeFromTheReferenceExample() throws {
        let json = #"{"name": "Okta Production (updated)", "jit_provisioning": false, "domains": ["mycompany.com"]}"#
        let update = try JSONDecoder().decode(UpdateSsoConnectionParams.self, from: Data(json.utf8))
        #expect(update.name == "Okta Production (updated)")
        #expect(update.jitProvisioning == false)
        #expect(update.defaultRole == nil)
    }
}
