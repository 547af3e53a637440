import Foundation
import Sso
import Testing

@Suite struct ReferenceJSONTests {
    @Test func connectionEncodesTheReferenceFields() async throws {
        let conn = try await TestEngine().org().createConnection(Samples.oidc())
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(conn)) as? [String: Any]
        let keys = Set(object?.keys.map { $0 } ?? [])
        for key in [
            "id", "name", "protocol", "status", "domains", "jit_provisioning", "default_role", "created_at",
            "updated_at",
        ] {
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
        guard case .saml(let saml) = params.settings else { throw SsoError("test", "not saml") }
        #expect(saml.attributeMapping["email"] != nil)
        let conn = try await TestEngine().org().createConnection(params)
        #expect(saml.metadata == .url(conn.metadataURL ?? ""))
        #expect(conn.domains == ["contoso.com"])
        let ldap = """
            {"name": "Corp", "protocol": "ldap", "server_url": "ldaps://ldap.corp.example", "bind_dn": "cn=svc,dc=corp",
             "bind_password": "pw", "user_search_base": "ou=people,dc=corp", "group_mode": "member_of",
             "group_mapping": {"cn=admins,dc=corp": ["admin"]}, "require_group": true}
            """
        let ldapParams = try JSONDecoder().decode(CreateSsoConnectionParams.self, from: Data(ldap.utf8))
        guard case .ldap(let ldapSettings) = ldapParams.settings else { throw SsoError("test", "not ldap") }
        #expect(ldapSettings.bindPassword == Secret("pw"))
        #expect(try await TestEngine().org().createConnection(ldapParams).requireGroup == true)
    }

    @Test func updateParamsDecodeFromTheReferenceExample() throws {
        let json = #"{"name": "Okta Production (updated)", "jit_provisioning": false, "domains": ["mycompany.com"]}"#
        let update = try JSONDecoder().decode(UpdateSsoConnectionParams.self, from: Data(json.utf8))
        #expect(update.name == "Okta Production (updated)")
        #expect(update.jitProvisioning == false)
        #expect(update.defaultRole == nil)
    }

    @Test func loginAndTestTypesUseReferenceKeys() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let result = SsoTestResult(success: true, message: "Connection verified successfully", responseTime: 142)
        #expect(
            String(decoding: try encoder.encode(result), as: UTF8.self)
                == #"{"message":"Connection verified successfully","response_time":142,"success":true}"#)
        let login = SsoLoginResponse(
            authorizeURL: "https://idp.example/authorize", connectionID: "sso_conn_1", protocol: .oidc)
        #expect(
            String(decoding: try encoder.encode(login), as: UTF8.self)
                == #"{"authorize_url":"https:\/\/idp.example\/authorize","connection_id":"sso_conn_1","protocol":"oidc"}"#
        )
        let params = try JSONDecoder().decode(
            SsoLoginParams.self,
            from: Data(#"{"domain":"mycompany.com","redirect_uri":"https://yourapp.com/sso/callback"}"#.utf8))
        #expect(params == SsoLoginParams(domain: "mycompany.com", redirectURI: "https://yourapp.com/sso/callback"))
        let saml = try JSONDecoder().decode(
            SsoSamlCallbackParams.self, from: Data(#"{"saml_response":"PHNhbWw+","relay_state":"rs"}"#.utf8))
        #expect(saml.relayState == "rs")
        let callback = SsoCallbackResponse(
            email: "alice@mycompany.com", name: "Alice", sub: "okta|1", developerID: "dev_1",
            connectionID: "sso_conn_1", provisioned: true)
        let keys = try (JSONSerialization.jsonObject(with: encoder.encode(callback)) as? [String: Any])?.keys.sorted()
        #expect(keys == ["connection_id", "developer_id", "email", "name", "provisioned", "sub"])
    }
}
