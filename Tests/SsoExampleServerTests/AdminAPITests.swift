import Foundation
import Hummingbird
import HummingbirdTesting
import Sso
import SsoHummingbird
import Testing

/// The admin JSON API: bearer token, connection CRUD in the reference's snake_case, and the
/// status of each refusal.
@Suite struct AdminAPITests {
    @Test func everyRouteNeedsTheBearerToken() async throws {
        let fixture = try AdminFixture()
        try await fixture.application().test(.router) { client in
            let routes: [(HTTPRequest.Method, String)] = [
                (.get, "/admin/sso/connections"), (.post, "/admin/sso/connections"),
                (.get, "/admin/sso/connections/sso_conn_x"), (.patch, "/admin/sso/connections/sso_conn_x"),
                (.delete, "/admin/sso/connections/sso_conn_x"), (.post, "/admin/sso/connections/sso_conn_x/test"),
                (.get, "/admin/sso/enforcement"), (.put, "/admin/sso/enforcement"), (.get, "/admin/sso/sessions"),
                (.delete, "/admin/sso/sessions/sso_sess_x"), (.get, "/admin/sso/config"),
                (.put, "/admin/sso/config"), (.delete, "/admin/sso/config"),
            ]
            for (method, path) in routes {
                let missing = try await client.admin(method, path, json: "{}", token: nil)
                #expect(missing.status == .unauthorized, "\(method) \(path)")
                #expect(missing.errorCode == "admin.unauthorized")
                #expect(missing.headers[.wwwAuthenticate] == "Bearer realm=\"sso-admin\"")
                let wrong = try await client.admin(method, path, json: "{}", token: AdminFixture.token + "x")
                #expect(wrong.status == .unauthorized, "\(method) \(path)")
            }
            let prefix = try await client.admin(.get, "/admin/sso/connections", token: "test-admin")
            #expect(prefix.status == .unauthorized)
            let basic = try await client.execute(
                uri: "/admin/sso/connections", method: .get, headers: [.authorization: "Basic \(AdminFixture.token)"])
            #expect(basic.status == .unauthorized)
            let lowercase = try await client.execute(
                uri: "/admin/sso/connections", method: .get, headers: [.authorization: "bearer \(AdminFixture.token)"])
            #expect(lowercase.status == .ok)
            #expect(try await client.admin(.get, "/admin/sso/connections").text == "{\"connections\":[]}")
        }
    }

    @Test func connectionsAreCreatedListedReadUpdatedAndDeleted() async throws {
        let fixture = try AdminFixture()
        try await fixture.application().test(.router) { client in
            let created = try await client.admin(
                .post, "/admin/sso/connections", json: AdminFixture.ldapConnectionJSON())
            #expect(created.status == .created)
            let connection = try created.object()
            let id = try #require(connection["id"] as? String)
            #expect(id.hasPrefix("sso_conn_"))
            #expect(created.location == "/admin/sso/connections/\(id)")
            #expect(connection["name"] as? String == "Corp LDAP")
            #expect(connection["protocol"] as? String == "ldap")
            #expect(connection["status"] as? String == "active")
            #expect(connection["domains"] as? [String] == ["corp.example"])
            #expect(connection["jit_provisioning"] as? Bool == true)
            #expect(connection["default_role"] as? String == "member")
            #expect(connection["bind_dn"] as? String == "cn=svc,dc=corp,dc=example")
            #expect(connection["created_at"] is String && connection["updated_at"] is String)

            let list = try await client.admin(.get, "/admin/sso/connections").object()
            let listed = try #require(list["connections"] as? [[String: Any]])
            #expect(listed.map { $0["id"] as? String } == [id])
            let read = try await client.admin(.get, "/admin/sso/connections/\(id)")
            #expect(read.status == .ok)
            #expect(try read.object()["name"] as? String == "Corp LDAP")

            let patched = try await client.admin(
                .patch, "/admin/sso/connections/\(id)",
                json:
                    #"{"name":"Corp LDAP (updated)","domains":["corp.example","sub.corp.example"],"jit_provisioning":false}"#
            )
            #expect(patched.status == .ok)
            let updated = try patched.object()
            #expect(updated["name"] as? String == "Corp LDAP (updated)")
            #expect(updated["domains"] as? [String] == ["corp.example", "sub.corp.example"])
            #expect(updated["jit_provisioning"] as? Bool == false)
            #expect(try await fixture.organization.getConnection(id).name == "Corp LDAP (updated)")

            let tested = try await client.admin(.post, "/admin/sso/connections/\(id)/test")
            #expect(tested.status == .ok)
            let result = try tested.object()
            #expect(result["success"] as? Bool == true, "\(tested.text)")
            #expect(result["message"] is String && result["response_time"] is Int)

            let deleted = try await client.admin(.delete, "/admin/sso/connections/\(id)")
            #expect(deleted.status == .noContent)
            #expect(deleted.body.readableBytes == 0)
            let gone = try await client.admin(.get, "/admin/sso/connections/\(id)")
            #expect(gone.status == .notFound)
            #expect(gone.errorCode == "connection.not_found")
            #expect(try await client.admin(.delete, "/admin/sso/connections/\(id)").status == .notFound)
            #expect(try await client.admin(.patch, "/admin/sso/connections/\(id)", json: "{}").status == .notFound)
            #expect(try await client.admin(.post, "/admin/sso/connections/\(id)/test").status == .notFound)
        }
    }

    @Test func aClaimedDomainIsAConflict() async throws {
        let fixture = try AdminFixture()
        try await fixture.application().test(.router) { client in
            let first = try await client.admin(.post, "/admin/sso/connections", json: AdminFixture.ldapConnectionJSON())
            #expect(first.status == .created)
            let second = try await client.admin(
                .post, "/admin/sso/connections",
                json: AdminFixture.ldapConnectionJSON(name: "Other", domains: ["other.example", "CORP.example"]))
            #expect(second.status == .conflict)
            #expect(second.errorCode == "routing.domain_conflict")
            let other = try await client.admin(
                .post, "/admin/sso/connections",
                json: AdminFixture.ldapConnectionJSON(name: "Other", domains: ["other.example"]))
            let otherID = try #require(try other.object()["id"] as? String)
            let patch = try await client.admin(
                .patch, "/admin/sso/connections/\(otherID)", json: #"{"domains":["corp.example"]}"#)
            #expect(patch.status == .conflict)
            #expect(patch.errorCode == "routing.domain_conflict")
        }
    }

    @Test func badBodiesAreRefusedWithTheirStatus() async throws {
        let fixture = try AdminFixture()
        try await fixture.application().test(.router) { client in
            let path = "/admin/sso/connections"
            let notJSON = try await client.admin(.post, path, json: "{\"name\": ")
            #expect(notJSON.status == .badRequest)
            #expect(notJSON.errorCode == "http.request_invalid")
            let noName = try await client.admin(.post, path, json: #"{"protocol":"ldap"}"#)
            #expect(noName.status == .unprocessableContent)
            #expect(noName.errorCode == "connection.invalid_params")
            #expect(noName.text.contains("name: is required"))
            let wrongType = try await client.admin(
                .post, path, json: #"{"name":"X","protocol":"oidc","domains":"a.example"}"#)
            #expect(wrongType.status == .unprocessableContent)
            let unknownProtocol = try await client.admin(.post, path, json: #"{"name":"X","protocol":"kerberos"}"#)
            #expect(unknownProtocol.status == .unprocessableContent)
            let mixed = try await client.admin(
                .post, path,
                json:
                    #"{"name":"X","protocol":"oidc","issuer_url":"https://idp.example","client_id":"c","client_secret":"s","server_url":"ldaps://x.example"}"#
            )
            #expect(mixed.status == .unprocessableContent)
            #expect(mixed.errorCode == "connection.invalid_params")
            let insecure = try await client.admin(
                .post, path,
                json:
                    #"{"name":"X","protocol":"oidc","issuer_url":"http://idp.example","client_id":"c","client_secret":"s"}"#
            )
            #expect(insecure.status == .unprocessableContent)
            let huge = try await client.admin(
                .post, path, json: "{\"name\":\"" + String(repeating: "a", count: 1 << 20) + "\"}")
            #expect(huge.status == .contentTooLarge)
            #expect(huge.errorCode == "http.request_too_large")
            #expect(try await fixture.organization.listConnections().connections.isEmpty)
        }
    }

    @Test func secretsAreNeverEchoed() async throws {
        let fixture = try AdminFixture()
        try await fixture.application().test(.router) { client in
            let oidc = try await client.admin(
                .post, "/admin/sso/connections",
                json:
                    #"{"name":"Okta","protocol":"oidc","issuer_url":"https://acme.okta.test","client_id":"client-1","client_secret":"oidc-client-secret-value","domains":["acme.example"]}"#
            )
            #expect(oidc.status == .created)
            let oidcID = try #require(try oidc.object()["id"] as? String)
            // Created without redirect_uris, it gets the server's callback.
            #expect(try oidc.object()["redirect_uris"] as? [String] == ["https://app.example.com/sso/callback"])
            let ldap = try await client.admin(.post, "/admin/sso/connections", json: AdminFixture.ldapConnectionJSON())
            let rotated = try await client.admin(
                .patch, "/admin/sso/connections/\(oidcID)", json: #"{"client_secret":"rotated-secret-value"}"#)
            #expect(rotated.status == .ok)
            let list = try await client.admin(.get, "/admin/sso/connections")
            for response in [oidc, ldap, rotated, list] {
                for secret in ["oidc-client-secret-value", "svc-bind-secret-pw", "rotated-secret-value", "redacted"] {
                    #expect(!response.text.contains(secret))
                }
                #expect(!response.text.contains("client_secret") && !response.text.contains("bind_password"))
            }
            let config = try await client.admin(
                .put, "/admin/sso/config",
                json:
                    #"{"issuer_url":"https://accounts.example.com","client_id":"legacy","client_secret":"legacy-secret-value","redirect_uri":"https://app.example.com/sso/callback"}"#
            )
            #expect(config.status == .ok)
            let readConfig = try await client.admin(.get, "/admin/sso/config")
            for response in [config, readConfig] {
                #expect(!response.text.contains("legacy-secret-value") && !response.text.contains("client_secret"))
            }
        }
    }
}
