import Foundation
import Sso
import SsoTesting
import Testing

/// `group_mapping` keys are group DNs or bare group CNs, as SsoLDAP's group mapper reads them.
@Suite struct LDAPGroupMappingTests {
    static func directory() -> FakeLDAPDirectory {
        let directory = FakeLDAPDirectory()
        directory.add(dn: "cn=svc,dc=corp,dc=example", attributes: ["cn": ["svc"]], password: "svc-pw")
        directory.add(
            dn: "ou=people,dc=corp,dc=example", attributes: ["objectClass": ["organizationalUnit"], "ou": ["people"]])
        directory.add(
            dn: "uid=carol,ou=people,dc=corp,dc=example",
            attributes: [
                "objectClass": ["inetOrgPerson"], "uid": ["carol"], "mail": ["carol@corp.example"],
                "entryUUID": ["4b1c0a2e-0000-4000-8000-0000000000c1"],
                "memberOf": ["cn=admins,ou=groups,dc=corp,dc=example", "cn=Engineers,ou=teams,dc=corp,dc=example"],
            ], password: "carol-pw")
        return directory
    }

    static func params(_ mapping: [String: [String]]) -> CreateSsoConnectionParams {
        var params = CreateSsoConnectionParams.ldap(
            name: "Corp LDAP", serverURL: "ldaps://ldap.corp.example", bindDN: "cn=svc,dc=corp,dc=example",
            bindPassword: Secret("svc-pw"), userSearchBase: "ou=people,dc=corp,dc=example", domains: ["corp.example"],
            jitProvisioning: true)
        params.editLDAP { $0.groupMapping = mapping }
        return params
    }

    @Test func dnKeysAndCNKeysBothGrantScopes() async throws {
        let env = SsoTestEnvironment(ldapConnector: Self.directory().connector)
        let org = try env.engine.organization("org_acme")
        let mapping = [
            // A DN written differently (case, spaces) still names the same group.
            "CN=Admins, OU=Groups, DC=corp, DC=example": ["admin"],
            // A bare CN matches the group's first RDN value, case-insensitively.
            "ENGINEERS": ["repo:write"],
            // A DN of another group with the same CN does not match.
            "cn=engineers,ou=elsewhere,dc=corp,dc=example": ["never"],
            "staff": ["never"],
        ]
        let connection = try await org.createConnection(Self.params(mapping))
        #expect(connection.groupMapping == mapping)
        let result = try await org.handleLdapCallback(
            username: "carol", password: Secret("carol-pw"), connectionID: connection.id)
        #expect(result.scopes == ["admin", "repo:write"])
    }

    @Test(arguments: ["=admins", "cn=admins,,dc=corp", "cn=a=b=c,dc=x,", "  "])
    func keysThatAreNeitherDNsNorCNsAreRefused(_ key: String) async throws {
        let env = SsoTestEnvironment(ldapConnector: Self.directory().connector)
        let org = try env.engine.organization("org_acme")
        let error = await thrownError { try await org.createConnection(Self.params([key: ["x"]])) }
        #expect(error?.code == .connectionInvalidParams)
        #expect(error?.message.hasPrefix("group_mapping") == true)
    }
}
