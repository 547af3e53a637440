import Foundation
import SsoTestSupport
import Testing
@testable import SsoLDAP

extension LiveLDAPTests {
    @Suite struct Authentication {
        @Test func rightPasswordReturnsTheServersIdentityGroupsAndScopes() async throws {
            let server = try LDAPTestServer.shared
            let authenticator = try Fixture.authenticator(Fixture.openLDAP(server))
            let result = try await authenticator.authenticate(username: "alice", password: Secret("alice-pw"))
            #expect(result.dn == Fixture.dn("alice"))
            #expect(result.email == "alice@example.org")
            #expect(result.name == "Alice L.")
            #expect(result.id.count == 36 && result.id.split(separator: "-").count == 5)  // entryUUID
            #expect(
                Set(result.groups) == [Fixture.group("engineers"), Fixture.group("staff"), Fixture.group("all-staff")])
            #expect(result.scopes == ["read", "repo:write"])
            #expect(result.identity.subject == result.id)
            #expect(result.identity.attributes["dn"] == [Fixture.dn("alice")])
            await authenticator.shutdown()
        }

        @Test func wrongPasswordIsInvalidCredentials() async throws {
            let authenticator = try Fixture.authenticator(Fixture.openLDAP(try LDAPTestServer.shared))
            let error = await ssoError {
                _ = try await authenticator.authenticate(username: "heidi", password: Secret("nope"))
            }
            #expect(error?.code == .ldapInvalidCredentials)
            #expect(error?.message.contains("nope") == false)
        }

        @Test func missingUserAndWrongPasswordTakeTheSamePathAndGiveTheSameError() async throws {
            let counting = CountingConnector()
            let authenticator = try Fixture.authenticator(
                Fixture.openLDAP(try LDAPTestServer.shared), connector: counting)
            _ = try await authenticator.authenticate(username: "bob", password: Secret("bob-pw"))  // warm the pool
            let (connects, binds) = (counting.connects, counting.bindCount)
            let wrong = await ssoError {
                _ = try await authenticator.authenticate(username: "heidi", password: Secret("x1"))
            }
            let afterWrong = (counting.connects - connects, counting.bindCount - binds)
            let missing = await ssoError {
                _ = try await authenticator.authenticate(username: "nobody-here", password: Secret("x1"))
            }
            let afterMissing = (counting.connects - connects - afterWrong.0, counting.bindCount - binds - afterWrong.1)
            #expect(wrong != nil && wrong == missing)  // same code and same message
            #expect(wrong?.code == .ldapInvalidCredentials)
            #expect(afterWrong == (1, 1) && afterMissing == (1, 1))  // one fresh connection, one bind each
        }

        @Test func emptyPasswordIsRefusedBeforeAnyNetworkTraffic() async throws {
            let counting = CountingConnector()
            let authenticator = try Fixture.authenticator(
                Fixture.openLDAP(try LDAPTestServer.shared), connector: counting)
            let error = await ssoError {
                _ = try await authenticator.authenticate(username: "alice", password: Secret(""))
            }
            #expect(error?.code == .ldapEmptyPassword)
            #expect(counting.connects == 0)
        }

        @Test(arguments: [
            "*", "a*", "al*ce", "(uid=*)", "alice)(uid=*", "admin)(uid=*", "*)(|(uid=*", "\\", "alice\\2a", "bob)",
        ])
        func filterMetacharactersNeverWidenTheSearch(username: String) async throws {
            let authenticator = try Fixture.authenticator(Fixture.openLDAP(try LDAPTestServer.shared))
            let error = await ssoError {
                _ = try await authenticator.authenticate(username: username, password: Secret("alice-pw"))
            }
            #expect(error?.code == .ldapInvalidCredentials)
        }

        @Test(arguments: ["al\u{0}ice", "", "   ", "ali\nce", String(repeating: "a", count: 257)])
        func malformedUsernamesAreRefusedBeforeAnyNetworkTraffic(username: String) async throws {
            let counting = CountingConnector()
            let authenticator = try Fixture.authenticator(
                Fixture.openLDAP(try LDAPTestServer.shared), connector: counting)
            let error = await ssoError {
                _ = try await authenticator.authenticate(username: username, password: Secret("alice-pw"))
            }
            #expect(error?.code == .ldapInvalidUsername)
            #expect(counting.connects == 0)
        }

        @Test func aUsernameMatchingTwoEntriesIsAmbiguousNeverTheFirst() async throws {
            let counting = CountingConnector()
            let authenticator = try Fixture.authenticator(
                Fixture.openLDAP(try LDAPTestServer.shared), connector: counting)
            let error = await ssoError {
                _ = try await authenticator.authenticate(username: "twin", password: Secret("twin-pw"))
            }
            #expect(error?.code == .ldapAmbiguousUser)
            #expect(counting.bindCount == 1)  // the service bind only; no user bind was attempted
        }

        @Test(arguments: [" alice ", "ALICE", "Alice", " ALICE", "ａｌｉｃｅ"])
        func looseServerMatchingResolvesToTheServersDN(username: String) async throws {
            let authenticator = try Fixture.authenticator(Fixture.openLDAP(try LDAPTestServer.shared))
            let result = try await authenticator.authenticate(username: username, password: Secret("alice-pw"))
            #expect(result.dn == Fixture.dn("alice"))
            let reference = try await authenticator.authenticate(username: "alice", password: Secret("alice-pw"))
            #expect(result.id == reference.id)
        }

        @Test func specialCharactersInTheDNAreHandledVerbatim() async throws {
            let groups = LDAPGroupConfiguration(mode: .member(), base: Fixture.groups, nested: .walk(maximumDepth: 4))
            let authenticator = try Fixture.authenticator(
                Fixture.openLDAP(
                    try LDAPTestServer.shared, groups: groups,
                    mapping: ["specials": ["special"]]))
            let result = try await authenticator.authenticate(username: "special", password: Secret("special-pw"))
            // The server's own DN string (slapd hex-escapes specials), compared as a DN.
            let expected = ##"cn=\#Smith\, John \+ \"Q\" \\ Jr,ou=people,dc=example,dc=org"##
            #expect(LDAPDistinguishedName.normalize(result.dn) == LDAPDistinguishedName.normalize(expected))
            #expect(LDAPDistinguishedName.leafValue(result.dn) == ##"#Smith, John + "Q" \ Jr"##)
            #expect(result.groups == [Fixture.group("specials")])
            #expect(result.scopes == ["special"])
            let spacey = try await authenticator.authenticate(username: "spacey", password: Secret("spacey-pw"))
            #expect(LDAPDistinguishedName.leafValue(spacey.dn) == " Lead Space")
            #expect(spacey.groups == [Fixture.group("specials")])
        }

        @Test func directBindEscapesTheUsernameIntoTheTemplate() async throws {
            let lookup = LDAPUserLookup.directBind(template: "uid={username},ou=people,dc=example,dc=org")
            let authenticator = try Fixture.authenticator(Fixture.openLDAP(try LDAPTestServer.shared, lookup: lookup))
            let result = try await authenticator.authenticate(username: "alice", password: Secret("alice-pw"))
            #expect(result.dn == Fixture.dn("alice"))
            #expect(result.groups.contains(Fixture.group("engineers")))
            let injected = await ssoError {
                _ = try await authenticator.authenticate(username: "alice,ou=people", password: Secret("alice-pw"))
            }
            #expect(injected?.code == .ldapInvalidCredentials)
        }

        @Test func plaintextWorksOnlyWhenExplicitlyAllowed() async throws {
            let server = try LDAPTestServer.shared
            let authenticator = try Fixture.authenticator(Fixture.openLDAP(server, security: .unsafePlaintext))
            let result = try await authenticator.authenticate(username: "bob", password: Secret("bob-pw"))
            #expect(result.dn == Fixture.dn("bob"))
            #expect(throws: SsoError.self) { try LDAPEndpoint(url: server.ldapsURL, security: .unsafePlaintext) }
            #expect(try LDAPEndpoint(url: server.ldapURL).security == .startTLS)
        }

        @Test func ldapsWorksWithTheFixtureCA() async throws {
            let authenticator = try Fixture.authenticator(Fixture.openLDAP(try LDAPTestServer.shared, security: .ldaps))
            let result = try await authenticator.authenticate(username: "bob", password: Secret("bob-pw"))
            #expect(result.email == "bob@example.org")
        }

        @Test func testConnectionBindsTheServiceAccountAndReadsTheUserBase() async throws {
            let server = try LDAPTestServer.shared
            try await Fixture.authenticator(Fixture.openLDAP(server)).testConnection()
            let wrong = try Fixture.authenticator(Fixture.openLDAP(server, servicePassword: "not-it"))
            let error = await ssoError { try await wrong.testConnection() }
            #expect(error?.code == .ldapServiceBindFailed)
            let login = await ssoError {
                _ = try await wrong.authenticate(username: "alice", password: Secret("alice-pw"))
            }
            #expect(login?.code == .ldapServiceBindFailed)
        }
    }
}
