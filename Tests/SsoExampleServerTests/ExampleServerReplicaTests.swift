import Foundation
import HTTPTypes
import Sso
import SsoTestSupport
import SsoTesting
import Testing

/// Two `sso-example-server` processes on one PostgreSQL with the same secrets key: a login
/// started on one replica completes on the other, and each accepts the other's session cookie.
@Suite struct ExampleServerReplicaTests {
    @Test func aLoginStartedOnOneReplicaCompletesOnTheOther() async throws {
        let database = try await PostgresTestServer.start()
        let folder = FileManager.default.temporaryDirectory.appending(path: "sso-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let key = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        let environment = ExampleServerProcessTests.environment(secretsKey: key)
        var servers: [ServerProcess] = []
        do {
            let (portA, portB) = (try ServerProcess.freePort(), try ServerProcess.freePort())
            for port in [portA, portB] {
                let server = try ServerProcess(
                    port: port, arguments: ["--store", database.url], environment: environment, folder: folder)
                servers.append(server)
            }
            for server in servers { try await server.waitUntilHealthy() }
            let connectionID = try await ExampleServerProcessTests.createConnection(port: portA)
            let onB = try await HTTPSession(port: portB).admin(
                .get, "/admin/sso/connections/\(connectionID)", token: ExampleServerProcessTests.adminToken)
            #expect(onB.status == .ok)

            let browserA = HTTPSession(port: portA)
            let start = try await browserA.get("/sso/login?email=bob@contoso.example")
            let idp = try ExampleServerProcessTests.identityProvider()
            let request = try idp.receive(redirectURL: start.location)
            let samlResponse = try idp.responseBase64(to: request, user: TestSAMLUser(nameID: "bob@contoso.example"))
            // The same browser (its cookies) posting to the other replica.
            let browserB = HTTPSession(port: portB)
            browserB.setCookie("sso_saml_login", try #require(browserA.cookie("sso_saml_login")))
            let done = try await browserB.post(
                "/sso/saml/callback", form: [("SAMLResponse", samlResponse), ("RelayState", request.relayState ?? "")])
            #expect(done.status == .seeOther, "\(done.text)")
            let session = try #require(browserB.cookie("sso_session"))
            browserA.setCookie("sso_session", session)
            #expect(try await browserA.get("/dashboard").text.contains("bob@contoso.example"))
            #expect(try await browserB.get("/dashboard").text.contains("bob@contoso.example"))
            // Revoked through one replica, the session ends on both.
            let sessionID = try await Self.onlySessionID(port: portA)
            let revoked = try await HTTPSession(port: portB).admin(
                .delete, "/admin/sso/sessions/\(sessionID)", token: ExampleServerProcessTests.adminToken)
            #expect(revoked.status == .noContent)
            #expect(try await browserA.get("/dashboard").status == .found)
            for server in servers { #expect(await server.terminate() == 0) }
        } catch {
            for server in servers { await server.kill() }
            await database.stop()
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        await database.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    static func onlySessionID(port: Int) async throws -> String {
        let list = try await HTTPSession(port: port).admin(
            .get, "/admin/sso/sessions", token: ExampleServerProcessTests.adminToken)
        let object = try JSONSerialization.jsonObject(with: Data(list.text.utf8)) as? [String: Any]
        let sessions = try #require(object?["sessions"] as? [[String: Any]])
        #expect(sessions.count == 1)
        return try #require(sessions.first?["id"] as? String)
    }
}
