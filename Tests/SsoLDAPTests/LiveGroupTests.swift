import SsoTestSupport
import Testing
@testable import SsoLDAP

extension LiveLDAPTests {
    @Suite struct Groups {
        @Test func nestedGroupsByMemberSearchWalk() async throws {
            let groups = LDAPGroupConfiguration(mode: .member(), base: Fixture.groups, nested: .walk(maximumDepth: 8))
            let authenticator = try Fixture.authenticator(Fixture.openLDAP(try LDAPTestServer.shared, groups: groups))
            let result = try await authenticator.authenticate(username: "alice", password: Secret("alice-pw"))
            #expect(result.groups == [Fixture.group("all-staff"), Fixture.group("engineers"), Fixture.group("staff")])
            #expect(result.scopes == ["read", "repo:write"])
        }

        @Test func nestingDepthIsBounded() async throws {
            let groups = LDAPGroupConfiguration(mode: .member(), base: Fixture.groups, nested: .walk(maximumDepth: 1))
            let authenticator = try Fixture.authenticator(Fixture.openLDAP(try LDAPTestServer.shared, groups: groups))
            let result = try await authenticator.authenticate(username: "alice", password: Secret("alice-pw"))
            #expect(result.groups == [Fixture.group("engineers")])
        }

        @Test(arguments: [LDAPGroupMode.member(), .memberOf])
        func cyclicGroupsTerminate(mode: LDAPGroupMode) async throws {
            let groups = LDAPGroupConfiguration(mode: mode, base: Fixture.groups, nested: .walk(maximumDepth: 16))
            let authenticator = try Fixture.authenticator(
                Fixture.openLDAP(
                    try LDAPTestServer.shared, groups: groups,
                    mapping: ["cycle-b": ["cyclic"]]))
            let result = try await authenticator.authenticate(username: "gina", password: Secret("gina-pw"))
            #expect(result.groups == [Fixture.group("cycle-a"), Fixture.group("cycle-b")])
            #expect(result.scopes == ["cyclic"])
        }

        @Test func memberUidUsesTheStoredLoginNameNotTheTypedOne() async throws {
            let groups = LDAPGroupConfiguration(
                mode: .memberUid(), base: "ou=posixgroups,dc=example,dc=org", nested: .none)
            let authenticator = try Fixture.authenticator(
                Fixture.openLDAP(
                    try LDAPTestServer.shared, groups: groups,
                    mapping: ["posix-devs": ["dev"]]))
            let result = try await authenticator.authenticate(username: " ALICE ", password: Secret("alice-pw"))
            #expect(result.groups == ["cn=posix-devs,ou=posixgroups,dc=example,dc=org"])
            #expect(result.scopes == ["dev"])
        }

        @Test func userInNoGroupGetsTheDefaultRole() async throws {
            let authenticator = try Fixture.authenticator(
                Fixture.openLDAP(try LDAPTestServer.shared, defaultRole: "member"))
            let result = try await authenticator.authenticate(username: "carol", password: Secret("carol-pw"))
            #expect(result.groups.isEmpty)
            #expect(result.scopes == ["member"])
        }

        @Test func userInNoGroupIsRefusedWhenAGroupIsRequired() async throws {
            let authenticator = try Fixture.authenticator(
                Fixture.openLDAP(
                    try LDAPTestServer.shared, defaultRole: "member",
                    requireGroup: true))
            let error = await ssoError {
                _ = try await authenticator.authenticate(username: "carol", password: Secret("carol-pw"))
            }
            #expect(error?.code == .ldapGroupRequired)
            let alice = try await authenticator.authenticate(username: "alice", password: Secret("alice-pw"))
            #expect(alice.scopes == ["read", "repo:write"])
        }

        @Test func freeIPALikeTreeUsesIpaUniqueIDAndMemberOf() async throws {
            let server = try LDAPTestServer.shared
            let configuration = LDAPConfiguration(
                endpoint: try LDAPEndpoint(
                    url: server.ldapURL, tls: LDAPTLSConfiguration(trustRoots: .file(server.caFile))),
                serviceAccount: .bind(
                    dn: "uid=svc,cn=sysaccounts,cn=etc,dc=ipa,dc=test", password: Secret("ipa-svc-pw")),
                userLookup: .search(base: "cn=users,cn=accounts,dc=ipa,dc=test", attribute: "uid"),
                groups: LDAPGroupConfiguration(mode: .memberOf, nested: .none),
                groupMapping: ["CN=Developers,CN=Groups,CN=Accounts,DC=IPA,DC=Test": ["deploy"], "ipausers": ["login"]])
            let authenticator = try LDAPAuthenticator(configuration: configuration)
            let result = try await authenticator.authenticate(username: "jdoe", password: Secret("jdoe-pw"))
            #expect(result.dn == "uid=jdoe,cn=users,cn=accounts,dc=ipa,dc=test")
            #expect(result.id == "6f1c2a9e-3b0d-11ee-9c4e-525400a1b2c3")
            #expect(result.name == "John Doe")
            #expect(result.scopes == ["deploy", "login"])
            let mary = try await authenticator.authenticate(username: "msmith", password: Secret("msmith-pw"))
            #expect(mary.scopes == ["login"])
        }
    }

    @Suite struct PasswordPolicy {
        @Test func accountLockedThroughPPolicy() async throws {
            let authenticator = try Fixture.authenticator(Fixture.openLDAP(try LDAPTestServer.shared))
            let error = await ssoError {
                _ = try await authenticator.authenticate(username: "dave", password: Secret("dave-pw"))
            }
            #expect(error?.code == .ldapAccountLocked)
        }

        @Test func passwordResetMustBeChanged() async throws {
            let authenticator = try Fixture.authenticator(Fixture.openLDAP(try LDAPTestServer.shared))
            let error = await ssoError {
                _ = try await authenticator.authenticate(username: "erin", password: Secret("erin-pw"))
            }
            #expect(error?.code == .ldapPasswordMustChange)
        }

        @Test func expiredPassword() async throws {
            let authenticator = try Fixture.authenticator(Fixture.openLDAP(try LDAPTestServer.shared))
            let error = await ssoError {
                _ = try await authenticator.authenticate(username: "frank", password: Secret("frank-pw"))
            }
            #expect(error?.code == .ldapPasswordExpired)
        }

        @Test func repeatedFailuresLockTheAccount() async throws {
            let authenticator = try Fixture.authenticator(Fixture.openLDAP(try LDAPTestServer.shared))
            for attempt in 1...3 {
                let error = await ssoError {
                    _ = try await authenticator.authenticate(username: "ivan", password: Secret("bad-\(attempt)"))
                }
                #expect(error?.code == .ldapInvalidCredentials)
            }
            let error = await ssoError {
                _ = try await authenticator.authenticate(username: "ivan", password: Secret("ivan-pw"))
            }
            #expect(error?.code == .ldapAccountLocked)
        }
    }
}
