import Foundation
import SsoTestSupport
import Testing

extension LiveLDAPTests {
    /// The `ssoctl ldap authenticate` contract, run as a black box against the fixture server.
    @Suite struct CLI {
        static var ssoctl: String { SsoCtlBinary.path }

        static func run(_ extra: [String], username: String, password: String?, security: [String] = []) async throws
            -> (Int32, [String: Any]?)
        {
            let server = try LDAPTestServer.shared
            var environment = ["SVC_PW": "svc-pw"]
            if let password { environment["USER_PW"] = password }
            let arguments =
                [
                    ssoctl, "ldap", "authenticate", "--url", server.ldapURL, "--bind-dn", Fixture.serviceDN,
                    "--bind-password-env", "SVC_PW", "--user-base", Fixture.base, "--user-attribute", "uid",
                    "--ca", server.caFile, "--username", username, "--password-env", "USER_PW",
                ] + security + extra
            let (status, output, _) = await LDAPTestServer.command(arguments, environment: environment)
            let object = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
            return (status, object)
        }

        @Test func successPrintsTheIdentityGroupsAndScopes() async throws {
            let map = FileManager.default.temporaryDirectory.appending(path: "group-map-\(UUID().uuidString).json")
            try Data(
                #"{"cn=Engineers,ou=Groups,dc=example,dc=org":["repo:write"],"cn=staff,ou=groups,dc=example,dc=org":["read"]}"#
                    .utf8
            )
            .write(to: map)
            defer { try? FileManager.default.removeItem(at: map) }
            let (status, object) = try await Self.run(
                [
                    "--group-mode", "member", "--group-base", Fixture.groups,
                    "--group-map", map.path,
                ], username: "alice", password: "alice-pw")
            #expect(status == 0)
            #expect(object?["ok"] as? Bool == true)
            #expect(object?["dn"] as? String == Fixture.dn("alice"))
            #expect(object?["email"] as? String == "alice@example.org")
            #expect(object?["name"] as? String == "Alice L.")
            #expect((object?["id"] as? String)?.count == 36)
            #expect(
                object?["groups"] as? [String] == [
                    Fixture.group("all-staff"), Fixture.group("engineers"), Fixture.group("staff"),
                ])
            #expect(object?["scopes"] as? [String] == ["read", "repo:write"])
        }

        @Test func rejectionPrintsACodeAndExitsOne() async throws {
            let (status, object) = try await Self.run([], username: "heidi", password: "wrong")
            #expect(status == 1)
            #expect(object?["ok"] as? Bool == false)
            let error = object?["error"] as? [String: Any]
            #expect(error?["code"] as? String == "ldap.invalid_credentials")
            #expect((error?["message"] as? String)?.contains("wrong") == false)
            let (mismatch, refused) = try await Self.run(
                [], username: "alice", password: "alice-pw", security: ["--ldaps"])
            #expect(mismatch == 1)  // --ldaps with an ldap:// URL
            #expect((refused?["error"] as? [String: Any])?["code"] as? String == "ldap.invalid_configuration")
        }

        @Test func usageErrorsExitTwo() async throws {
            let (missing, _) = try await Self.run([], username: "alice", password: nil)
            #expect(missing == 2)
            let (conflict, _) = try await Self.run(
                ["--plain"], username: "alice", password: "alice-pw", security: ["--starttls"])
            #expect(conflict == 2)
            let (badMode, _) = try await Self.run(
                ["--group-mode", "sideways"], username: "alice", password: "alice-pw")
            #expect(badMode == 2)
        }
    }
}
