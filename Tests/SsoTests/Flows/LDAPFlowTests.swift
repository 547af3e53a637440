import Foundation
import Sso
import SsoLDAP
import SsoTesting
import SsoTestSupport
import Testing

/// LDAP logins through the engine against the in-memory directory (no server needed).
@Suite struct LDAPFakeFlowTests {
    static func directory() -> FakeLDAPDirectory {
        let directory = FakeLDAPDirectory()
        directory.add(dn: "cn=svc,dc=corp,dc=example", attributes: ["cn": ["svc"]], password: "svc-pw")
        directory.add(
            dn: "ou=people,dc=corp,dc=example", attributes: ["objectClass": ["organizationalUnit"], "ou": ["people"]])
        directory.add(
            dn: "uid=carol,ou=people,dc=corp,dc=example",
            attributes: [
                "objectClass": ["inetOrgPerson"], "uid": ["carol"], "mail": ["carol@corp.example"], "cn": ["Carol C"],
                "entryUUID": ["4b1c0a2e-0000-4000-8000-000000000001"],
                "memberOf": ["cn=admins,ou=groups,dc=corp,dc=example"],
            ], password: "carol-pw")
        directory.add(
            dn: "uid=mallory,ou=people,dc=corp,dc=example",
            attributes: [
                "objectClass": ["inetOrgPerson"], "uid": ["mallory"], "mail": ["mallory@contoso.com"],
                "entryUUID": ["4b1c0a2e-0000-4000-8000-000000000002"],
            ], password: "mallory-pw")
        return directory
    }

    static func connection(_ org: SsoOrganization, jit: Bool = true) async throws -> SsoConnection {
        var params = CreateSsoConnectionParams.ldap(
            name: "Corp LDAP", serverURL: "ldaps://ldap.corp.example", bindDN: "cn=svc,dc=corp,dc=example",
            bindPassword: Secret("svc-pw"), userSearchBase: "ou=people,dc=corp,dc=example", domains: ["corp.example"],
            jitProvisioning: jit, defaultRole: "member")
        params.editLDAP { $0.groupMode = .memberOf }
        params.editLDAP { $0.groupMapping = ["cn=admins,ou=groups,dc=corp,dc=example": ["admin", "read"]] }
        return try await org.createConnection(params)
    }

    @Test func loginMapsGroupsToScopes() async throws {
        let directory = Self.directory()
        let env = SsoTestEnvironment(ldapConnector: directory.connector)
        let org = try env.engine.organization("org_acme")
        let connection = try await Self.connection(org)
        let result = try await org.handleLdapCallback(
            username: "carol", password: Secret("carol-pw"), connectionID: connection.id)
        #expect(result.email == "carol@corp.example")
        #expect(result.sub == "4b1c0a2e-0000-4000-8000-000000000001")
        #expect(result.scopes == ["admin", "read"])
        #expect(result.groups == ["cn=admins,ou=groups,dc=corp,dc=example"])
        #expect(result.provisioned)
        #expect(try await org.validateSession(try #require(result.sessionID)).email == "carol@corp.example")
        let again = try await org.handleLdapCallback(
            username: "carol", password: Secret("carol-pw"), connectionID: connection.id)
        #expect(!again.provisioned)
        #expect(again.developerID == result.developerID)
    }

    @Test func serviceConnectionsAreReusedAcrossLogins() async throws {
        let directory = Self.directory()
        let env = SsoTestEnvironment(ldapConnector: directory.connector)
        let org = try env.engine.organization("org_acme")
        let connection = try await Self.connection(org)
        _ = try await org.handleLdapCallback(
            username: "carol", password: Secret("carol-pw"), connectionID: connection.id)
        let first = directory.counters.connects
        _ = try await org.handleLdapCallback(
            username: "carol", password: Secret("carol-pw"), connectionID: connection.id)
        let second = directory.counters.connects - first
        #expect(second < first)
        // Changed settings get a fresh authenticator.
        var update = UpdateSsoConnectionParams()
        update.settings = .ldap(LDAPSettingsPatch(userFilter: "(objectClass=inetOrgPerson)"))
        _ = try await org.updateConnection(connection.id, update)
        let before = directory.counters.connects
        _ = try await org.handleLdapCallback(
            username: "carol", password: Secret("carol-pw"), connectionID: connection.id)
        #expect(directory.counters.connects - before == first)
    }

    @Test func failuresWriteNothing() async throws {
        let directory = Self.directory()
        let env = SsoTestEnvironment(ldapConnector: directory.connector)
        let org = try env.engine.organization("org_acme")
        let connection = try await Self.connection(org)
        let wrong = await errorCode {
            try await org.handleLdapCallback(username: "carol", password: Secret("nope"), connectionID: connection.id)
        }
        let unknown = await errorCode {
            try await org.handleLdapCallback(username: "nobody", password: Secret("nope"), connectionID: connection.id)
        }
        #expect(wrong == .ldapInvalidCredentials)
        #expect(unknown == wrong)
        #expect(
            await errorCode {
                try await org.handleLdapCallback(username: "carol", password: Secret(""), connectionID: connection.id)
            } == .ldapEmptyPassword)
        // A directory entry whose email is another customer's domain.
        #expect(
            await errorCode {
                try await org.handleLdapCallback(
                    username: "mallory", password: Secret("mallory-pw"), connectionID: connection.id)
            } == .userIdentityRejected)
        directory.fail(with: SsoError(.ldapServerDown, "down"))
        #expect(
            await errorCode {
                try await org.handleLdapCallback(
                    username: "carol", password: Secret("carol-pw"), connectionID: connection.id)
            } == .ldapServerDown)
        #expect(try await env.engine.stores.users.users(organizationID: org.id).isEmpty)
        #expect(try await org.listSessions().sessions.isEmpty)
    }

    @Test func otherProtocolsAndOrganizationsAreRefused() async throws {
        let directory = Self.directory()
        let env = SsoTestEnvironment(ldapConnector: directory.connector)
        let org = try env.engine.organization("org_acme")
        let connection = try await Self.connection(org, jit: false)
        #expect(
            await errorCode {
                try await org.handleLdapCallback(
                    username: "carol", password: Secret("carol-pw"), connectionID: connection.id)
            } == .userNotProvisioned)
        let other = try env.engine.organization("org_other")
        #expect(
            await errorCode {
                try await other.handleLdapCallback(
                    username: "carol", password: Secret("carol-pw"), connectionID: connection.id)
            } == .connectionNotFound)
        let (oidc, _) = try await Flow.oidc(env, org, Flow.okta)
        #expect(
            await errorCode {
                try await org.handleLdapCallback(username: "carol", password: Secret("carol-pw"), connectionID: oidc.id)
            } == .loginProtocolMismatch)
        _ = try await org.updateConnection(connection.id, .init(status: .inactive))
        #expect(
            await errorCode {
                try await org.handleLdapCallback(
                    username: "carol", password: Secret("carol-pw"), connectionID: connection.id)
            } == .connectionInactive)
        #expect(directory.counters.binds <= 2)
    }
}

/// LDAP logins through the engine against a real slapd (started for this suite).
@Suite(.ldapServer, .timeLimit(.minutes(2)))
struct LDAPLiveFlowTests {
    static func openLDAP(_ org: SsoOrganization, _ server: LDAPTestServer, bindPassword: String = "svc-pw") async throws
        -> SsoConnection
    {
        var params = CreateSsoConnectionParams.ldap(
            name: "OpenLDAP", serverURL: server.ldapURL, bindDN: "cn=svc,ou=services,dc=example,dc=org",
            bindPassword: Secret(bindPassword), userSearchBase: "dc=example,dc=org", domains: ["example.org"],
            jitProvisioning: true, defaultRole: "member")
        params.editLDAP { $0.tlsMode = .starttls }
        params.editLDAP { $0.caCertificatePEM = server.caPEM }
        params.editLDAP { $0.userFilter = "(objectClass=inetOrgPerson)" }
        params.editLDAP { $0.groupMode = .nestedGroupSearch }
        params.editLDAP { $0.groupSearchBase = "ou=groups,dc=example,dc=org" }
        params.editLDAP {
            $0.groupMapping = [
                "cn=engineers,ou=groups,dc=example,dc=org": ["repo:write"],
                "cn=staff,ou=groups,dc=example,dc=org": ["read"],
            ]
        }
        return try await org.createConnection(params)
    }

    @Test func openLDAPLoginWithNestedGroups() async throws {
        let server = try LDAPTestServer.shared
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let connection = try await Self.openLDAP(org, server)
        let result = try await org.handleLdapCallback(
            username: "alice", password: Secret("alice-pw"), connectionID: connection.id)
        #expect(result.email == "alice@example.org")
        #expect(result.scopes == ["read", "repo:write"])
        #expect(result.provisioned)
        #expect(
            await errorCode {
                try await org.handleLdapCallback(
                    username: "alice", password: Secret("wrong"), connectionID: connection.id)
            } == .ldapInvalidCredentials)
        #expect(try await env.engine.stores.users.users(organizationID: org.id).count == 1)
        let test = try await org.testConnection(connection.id)
        #expect(test.success)
    }

    @Test func freeIPALikeLogin() async throws {
        let server = try LDAPTestServer.shared
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        var params = CreateSsoConnectionParams.ldap(
            name: "FreeIPA", serverURL: server.ldapURL, bindDN: "uid=svc,cn=sysaccounts,cn=etc,dc=ipa,dc=test",
            bindPassword: Secret("ipa-svc-pw"), userSearchBase: "cn=users,cn=accounts,dc=ipa,dc=test",
            domains: ["ipa.test"], jitProvisioning: true, defaultRole: "member")
        params.editLDAP { $0.caCertificatePEM = server.caPEM }
        params.editLDAP { $0.groupMode = .memberOf }
        params.editLDAP {
            $0.groupMapping = [
                "CN=Developers,CN=Groups,CN=Accounts,DC=IPA,DC=Test": ["deploy"],
                "cn=ipausers,cn=groups,cn=accounts,dc=ipa,dc=test": ["login"],
            ]
        }
        let connection = try await org.createConnection(params)
        let result = try await org.handleLdapCallback(
            username: "jdoe", password: Secret("jdoe-pw"), connectionID: connection.id)
        #expect(result.sub == "6f1c2a9e-3b0d-11ee-9c4e-525400a1b2c3")
        #expect(result.email == "jdoe@ipa.test")
        #expect(result.name == "John Doe")
        #expect(result.scopes == ["deploy", "login"])
    }

    @Test func failedConnectionTestSetsErrorStatus() async throws {
        let server = try LDAPTestServer.shared
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let connection = try await Self.openLDAP(org, server, bindPassword: "not-the-password")
        let test = try await org.testConnection(connection.id)
        #expect(!test.success)
        #expect(!test.message.contains("not-the-password"))
        let stored = try await org.getConnection(connection.id)
        #expect(stored.status == .error)
    }
}
