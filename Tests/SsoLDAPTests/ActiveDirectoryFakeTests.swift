import Foundation
import SsoTesting
import SsoTestSupport
import Testing
@testable import SsoLDAP

/// Active Directory behaviours slapd cannot show, against the fake with AD's message formats.
@Suite struct ActiveDirectoryFakeTests {
    static let base = "DC=corp,DC=example,DC=com"
    static let users = "OU=Users,DC=corp,DC=example,DC=com"
    static let groups = "OU=Groups,DC=corp,DC=example,DC=com"

    static func directory() -> FakeLDAPDirectory {
        let directory = FakeLDAPDirectory(flavor: .activeDirectory)
        directory.add(dn: base, attributes: ["objectClass": ["domain"]])
        directory.add(dn: users, attributes: ["objectClass": ["organizationalUnit"]])
        directory.add(dn: groups, attributes: ["objectClass": ["organizationalUnit"]])
        directory.add(
            dn: "CN=svc-sso,\(users)", attributes: ["objectClass": ["user"], "sAMAccountName": ["svc-sso"]],
            password: "svc-pw")
        for (name, state) in [
            ("jsmith", FakeLDAPDirectory.AccountState.active), ("locked", .locked), ("disabled", .disabled),
            ("expired", .accountExpired), ("pwexpired", .passwordExpired), ("reset", .mustChangePassword),
            ("hours", .logonHoursRestricted), ("workstation", .workstationRestricted),
        ] {
            directory.add(
                dn: "CN=\(name.capitalized),\(users)",
                attributes: [
                    "objectClass": ["user"], "sAMAccountName": [name], "mail": ["\(name)@corp.example.com"],
                    "displayName": [name.capitalized], "userPrincipalName": ["\(name)@corp.example.com"],
                    "memberOf": ["CN=Developers,\(groups)"],
                ],
                password: "\(name)-pw", state: state)
        }
        directory.add(
            dn: "CN=Developers,\(groups)", attributes: ["objectClass": ["group"], "member": ["CN=Jsmith,\(users)"]])
        directory.add(
            dn: "CN=Engineering,\(groups)",
            attributes: ["objectClass": ["group"], "member": ["CN=Developers,\(groups)"]])
        directory.add(
            dn: "CN=All,\(groups)", attributes: ["objectClass": ["group"], "member": ["CN=Engineering,\(groups)"]])
        directory.add(
            dn: "CN=Loop1,\(groups)",
            attributes: ["objectClass": ["group"], "member": ["CN=Loop2,\(groups)", "CN=Jsmith,\(users)"]])
        directory.add(
            dn: "CN=Loop2,\(groups)", attributes: ["objectClass": ["group"], "member": ["CN=Loop1,\(groups)"]])
        return directory
    }

    static func authenticator(
        _ directory: FakeLDAPDirectory, nested: LDAPNestedGroups = .activeDirectoryInChain,
        mapping: [String: [String]] = ["CN=All,OU=Groups,DC=corp,DC=example,DC=com": ["all"]]
    ) throws
        -> LDAPAuthenticator
    {
        let configuration = LDAPConfiguration(
            endpoint: try LDAPEndpoint(url: "ldaps://dc1.corp.example.com"),
            serviceAccount: .bind(dn: "CN=svc-sso,\(users)", password: Secret("svc-pw")),
            userLookup: .search(base: base, attribute: "sAMAccountName", filter: "(objectClass=user)"),
            attributes: LDAPAttributeMapping(email: "mail", name: ["displayName"], id: []),
            groups: LDAPGroupConfiguration(mode: .memberOf, base: groups, nested: nested),
            groupMapping: mapping)
        return try LDAPAuthenticator(configuration: configuration, connector: directory.connector)
    }

    @Test(arguments: [
        ("locked", SsoError.Code.ldapAccountLocked), ("disabled", .ldapAccountDisabled),
        ("expired", .ldapAccountExpired),
        ("pwexpired", .ldapPasswordExpired), ("reset", .ldapPasswordMustChange), ("hours", .ldapLogonRestricted),
        ("workstation", .ldapLogonRestricted),
    ])
    func subCodesMapToTypedErrors(user: String, code: SsoError.Code) async throws {
        let authenticator = try Self.authenticator(Self.directory())
        let error = await ssoError {
            _ = try await authenticator.authenticate(username: user, password: Secret("\(user)-pw"))
        }
        #expect(error?.code == code)
    }

    @Test func wrongPasswordAndUnknownUserGiveOneError() async throws {
        let authenticator = try Self.authenticator(Self.directory())
        let wrong = await ssoError {
            _ = try await authenticator.authenticate(username: "jsmith", password: Secret("bad"))
        }
        let unknown = await ssoError {
            _ = try await authenticator.authenticate(username: "ghost", password: Secret("bad"))
        }
        #expect(wrong?.code == .ldapInvalidCredentials)
        #expect(wrong == unknown)
    }

    @Test func subCodeParsingReadsRealMessages() {
        let message = "80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 775, v4563\u{0}"
        #expect(LDAPBindOutcome.activeDirectorySubCode(message) == "775")
        #expect(
            LDAPBindOutcome.activeDirectorySubCode(
                "8009030C: LdapErr: DSID-0C0906B5, comment: AcceptSecurityContext error, data 52e, v3839") == "52e")
        #expect(LDAPBindOutcome.activeDirectorySubCode("Invalid credentials") == nil)
        let success = LDAPBindResponse(resultCode: .success)
        #expect(LDAPBindOutcome.error(for: success) == nil)
        let reset = LDAPBindResponse(resultCode: .success, passwordPolicy: .init(error: .changeAfterReset))
        #expect(LDAPBindOutcome.error(for: reset)?.code == .ldapPasswordMustChange)
        #expect(LDAPBindOutcome.error(for: LDAPBindResponse(resultCode: .busy))?.code == .ldapServerDown)
    }

    @Test func inChainRuleResolvesNestedGroupsAndSurvivesCycles() async throws {
        let authenticator = try Self.authenticator(Self.directory())
        let result = try await authenticator.authenticate(username: "jsmith", password: Secret("jsmith-pw"))
        #expect(result.dn == "CN=Jsmith,\(Self.users)")
        #expect(
            Set(result.groups) == [
                "CN=Developers,\(Self.groups)", "CN=Engineering,\(Self.groups)", "CN=All,\(Self.groups)",
                "CN=Loop1,\(Self.groups)", "CN=Loop2,\(Self.groups)",
            ])
        #expect(result.scopes == ["all"])
        #expect(result.id == result.dn)  // no id attribute configured: the DN is the id
    }

    @Test func walkWithoutInChainReadsMemberOfLevels() async throws {
        let directory = Self.directory()
        directory.add(
            dn: "CN=Developers,\(Self.groups)",
            attributes: ["objectClass": ["group"], "memberOf": ["CN=Engineering,\(Self.groups)"]])
        let authenticator = try Self.authenticator(
            directory, nested: .walk(maximumDepth: 4), mapping: ["engineering": ["eng"]])
        let result = try await authenticator.authenticate(username: "jsmith", password: Secret("jsmith-pw"))
        #expect(result.groups == ["CN=Developers,\(Self.groups)", "CN=Engineering,\(Self.groups)"])
        #expect(result.scopes == ["eng"])
    }

    @Test func objectGUIDIsFormattedLikeWindows() {
        let bytes: [UInt8] = [
            0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff,
        ]
        #expect(LDAPIdentifier.guid(bytes) == "00112233-4455-6677-8899-aabbccddeeff")
    }

    @Test func fakeServerAcceptsUnauthenticatedBindsButTheAuthenticatorNeverSendsThem() async throws {
        let directory = Self.directory()
        let connection = try await directory.connector.connect(
            to: try LDAPEndpoint(url: "ldap://x"), deadline: .now + .seconds(1))
        let response = try await connection.bind(
            LDAPBindRequest(dn: "CN=Jsmith,\(Self.users)", password: Secret("")),
            deadline: .now + .seconds(1))
        #expect(response.resultCode == .success)  // the hazard RFC 4513 §5.1.2 describes
        directory.resetCounters()
        let authenticator = try Self.authenticator(directory)
        let error = await ssoError {
            _ = try await authenticator.authenticate(username: "jsmith", password: Secret(""))
        }
        #expect(error?.code == .ldapEmptyPassword)
        #expect(directory.counters.connects == 0)
    }

    @Test func aBrokenPooledConnectionIsReplaced() async throws {
        let directory = Self.directory()
        let authenticator = try Self.authenticator(directory)
        _ = try await authenticator.authenticate(username: "jsmith", password: Secret("jsmith-pw"))
        directory.fail(with: SsoError(.ldapServerDown, "connection reset"))
        let down = await ssoError {
            _ = try await authenticator.authenticate(username: "jsmith", password: Secret("jsmith-pw"))
        }
        #expect(down?.code == .ldapServerDown)
        directory.fail(with: nil)
        let result = try await authenticator.authenticate(username: "jsmith", password: Secret("jsmith-pw"))
        #expect(result.scopes == ["all"])
        #expect(await authenticator.pool.size == 1)
    }

    @Test func concurrentUserBindsAreBounded() async throws {
        let directory = Self.directory()
        directory.delay(.milliseconds(20))
        var configuration = try Self.authenticator(directory).configuration
        configuration.poolSize = 1
        configuration.maximumConcurrentBinds = 3
        // Queued binds wait for a slot; a generous deadline keeps a loaded machine from failing them.
        configuration.authenticationTimeout = .seconds(60)
        let authenticator = try LDAPAuthenticator(configuration: configuration, connector: directory.connector)
        let successes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    (try? await authenticator.authenticate(username: "jsmith", password: Secret("jsmith-pw"))) != nil
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(successes == 20)
        #expect(directory.counters.peakOpenConnections <= 1 + 3)  // the pooled one + three binds
        #expect(directory.counters.openConnections == 1)  // only the pooled one stays open
    }

    @Test func aSlowServerHitsTheOverallDeadline() async throws {
        let directory = Self.directory()
        // Each answer would take 30 s: finishing well before that proves the deadline cut it short,
        // with room for a loaded CI machine's scheduling.
        directory.delay(.seconds(30))
        var configuration = try Self.authenticator(directory).configuration
        configuration.authenticationTimeout = .milliseconds(1000)
        let authenticator = try LDAPAuthenticator(configuration: configuration, connector: directory.connector)
        let started = ContinuousClock.now
        let error = await ssoError {
            _ = try await authenticator.authenticate(username: "jsmith", password: Secret("jsmith-pw"))
        }
        #expect(error?.code == .ldapTimeout)
        #expect(ContinuousClock.now - started < .seconds(25))
    }
}

@Suite struct FakeSampleDirectoryTests {
    @Test func openLDAPSampleAuthenticatesWithGroupsAndPolicies() async throws {
        let directory = FakeLDAPDirectory.openLDAPSample()
        let configuration = LDAPConfiguration(
            endpoint: try LDAPEndpoint(url: "ldap://ldap.example.org"),
            serviceAccount: .bind(dn: "cn=svc,ou=services,dc=example,dc=org", password: Secret("svc-pw")),
            userLookup: .search(base: "dc=example,dc=org"),
            groups: LDAPGroupConfiguration(mode: .memberOf, nested: .walk(maximumDepth: 4)),
            groupMapping: ["staff": ["read"], "engineers": ["write"]], defaultRole: "guest")
        let authenticator = try LDAPAuthenticator(configuration: configuration, connector: directory.connector)
        let alice = try await authenticator.authenticate(username: "ALICE", password: Secret("alice-pw"))
        #expect(alice.dn == "uid=alice,ou=people,dc=example,dc=org")
        #expect(alice.scopes == ["read", "write"])
        #expect(alice.id.count == 36)
        let carol = try await authenticator.authenticate(username: "carol", password: Secret("carol-pw"))
        #expect(carol.scopes == ["guest"])
        let dave = await ssoError {
            _ = try await authenticator.authenticate(username: "dave", password: Secret("dave-pw"))
        }
        #expect(dave?.code == .ldapAccountLocked)
        let injection = await ssoError {
            _ = try await authenticator.authenticate(username: "*", password: Secret("alice-pw"))
        }
        #expect(injection?.code == .ldapInvalidCredentials)
    }

    @Test func theLibldapConnectorIgnoresSIGPIPE() async throws {
        let connector = LibLDAPConnector()
        _ = await ssoError {
            _ = try await connector.connect(
                to: try LDAPEndpoint(url: "ldap://127.0.0.1:1", security: .unsafePlaintext),
                deadline: .now + .seconds(2))
        }
        var action = sigaction()
        #expect(sigaction(SIGPIPE, nil, &action) == 0)
        #expect(unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1)  // SIG_IGN
    }
}
