import Foundation
import HTTPTypes
import Sso
import SsoTestSupport
import SsoTesting
import Testing

/// The built `sso-example-server` as a user runs it: a SQLite file, the admin API over HTTP, a
/// SAML login through the browser routes (the test plays the IdP, signing with a fixture key),
/// the dashboard, and a restart over the same file.
@Suite struct ExampleServerProcessTests {
    static let adminToken = "process-test-admin-token-4b1c0a2e"
    static let packageRoot = LDAPTestServer.packageRoot

    static func environment(secretsKey: String?) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["SSO_ADMIN_TOKEN"] = adminToken
        environment["SSO_SECRETS_KEY"] = secretsKey
        environment["LOG_LEVEL"] = "notice"
        return environment
    }

    static func identityProvider() throws -> TestSAMLIdentityProvider {
        let keys = packageRoot.appending(path: "Fixtures/saml/keys")
        return try TestSAMLIdentityProvider(
            entityID: "https://idp.contoso.test/saml", ssoURL: "https://idp.contoso.test/saml/sso",
            privateKeyPEM: String(contentsOf: keys.appending(path: "okta-key.pem"), encoding: .utf8),
            certificatePEM: String(contentsOf: keys.appending(path: "okta-cert.pem"), encoding: .utf8))
    }

    @Test func aSAMLLoginThroughTheRunningServerSurvivesARestart() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "sso-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        let port = try ServerProcess.freePort()
        let arguments = ["--store", "sqlite:" + folder.appending(path: "sso.sqlite").path]
        let environment = Self.environment(secretsKey: key)

        let first = try ServerProcess(port: port, arguments: arguments, environment: environment, folder: folder)
        let browser = HTTPSession(port: port)
        let connectionID: String
        do {
            try await first.waitUntilHealthy()
            connectionID = try await Self.createConnection(port: port)
            try await Self.signIn(browser, port: port)
            let status = await first.terminate()
            #expect(status == 0, "graceful shutdown on SIGTERM:\n\(first.log)")
        } catch {
            await first.kill()
            throw error
        }

        let second = try ServerProcess(port: port, arguments: arguments, environment: environment, folder: folder)
        do {
            try await second.waitUntilHealthy()
            let admin = HTTPSession(port: port)
            let list = try await admin.admin(.get, "/admin/sso/connections", token: Self.adminToken)
            #expect(list.status == .ok)
            #expect(list.text.contains(connectionID) && list.text.contains("Contoso SAML"))
            // The session and the cookie key outlive the process: the browser is still signed in.
            let dashboard = try await browser.get("/dashboard")
            #expect(dashboard.status == .ok)
            #expect(dashboard.text.contains("bob@contoso.example"))
            #expect(await second.terminate() == 0)
        } catch {
            await second.kill()
            throw error
        }
    }

    /// Creates the SAML connection through the admin API; returns its id.
    static func createConnection(port: Int) async throws -> String {
        let idp = try identityProvider()
        let base = "http://127.0.0.1:\(port)"
        let params: [String: Any] = [
            "name": "Contoso SAML", "protocol": "saml", "metadata_xml": idp.metadataXML(),
            "assertion_consumer_service_url": base + "/sso/saml/callback", "entity_id": base + "/sso/saml/metadata",
            "domains": ["contoso.example"], "jit_provisioning": true,
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: params), as: UTF8.self)
        let admin = HTTPSession(port: port)
        let unauthorized = try await admin.admin(.get, "/admin/sso/connections", token: "wrong")
        #expect(unauthorized.status == .unauthorized)
        let created = try await admin.admin(.post, "/admin/sso/connections", token: adminToken, json: json)
        #expect(created.status == .created, "\(created.text)")
        let object = try JSONSerialization.jsonObject(with: Data(created.text.utf8)) as? [String: Any]
        return try #require(object?["id"] as? String)
    }

    /// Bob's SP-initiated SAML login, as a browser makes it, ending on the dashboard.
    static func signIn(_ browser: HTTPSession, port: Int) async throws {
        let home = try await browser.get("/")
        #expect(home.status == .ok && home.text.contains("action=\"/sso/login\""))
        let anonymous = try await browser.get("/dashboard")
        #expect(anonymous.status == .found && anonymous.location == "/")

        let start = try await browser.get("/sso/login?email=bob@contoso.example")
        #expect(start.status == .found)
        #expect(start.location.hasPrefix("https://idp.contoso.test/saml/sso?SAMLRequest="))
        let idp = try identityProvider()
        let request = try idp.receive(redirectURL: start.location)
        let user = TestSAMLUser(nameID: "bob@contoso.example", attributes: ["displayName": ["Bob Jones"]])
        let samlResponse = try idp.responseBase64(to: request, user: user)
        let form = [("SAMLResponse", samlResponse), ("RelayState", request.relayState ?? "")]
        // The same post from a browser that did not start the login signs nobody in.
        let elsewhere = try await HTTPSession(port: port).post("/sso/saml/callback", form: form)
        #expect(elsewhere.status == .forbidden)
        let done = try await browser.post("/sso/saml/callback", form: form)
        #expect(done.status == .seeOther, "\(done.text)")
        #expect(done.location == "/dashboard")
        #expect(browser.cookie("sso_session") != nil)

        let dashboard = try await browser.get("/dashboard")
        #expect(dashboard.status == .ok)
        for expected in ["bob@contoso.example", "Bob Jones", "Contoso SAML", "yes (just-in-time)"] {
            #expect(dashboard.text.contains(expected), "dashboard shows \(expected)")
        }
        let sessions = try await HTTPSession(port: port).admin(.get, "/admin/sso/sessions", token: adminToken)
        #expect(sessions.text.contains("bob@contoso.example"))
    }

    @Test func theServerRefusesToStartWithoutASecretsKey() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "sso-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try await ChildProcess.run(
            ServerProcess.executable,
            [
                "--port", "\(try ServerProcess.freePort())", "--store",
                "sqlite:" + folder.appending(path: "s.sqlite").path,
            ],
            environment: Self.environment(secretsKey: nil))
        #expect(outcome.status != 0)
        #expect(outcome.errorText.contains("SSO_SECRETS_KEY"))
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "s.sqlite").path))
        let short = try await ChildProcess.run(
            ServerProcess.executable,
            [
                "--port", "\(try ServerProcess.freePort())", "--store",
                "sqlite:" + folder.appending(path: "s.sqlite").path,
            ],
            environment: Self.environment(secretsKey: Data(repeating: 1, count: 16).base64EncodedString()))
        #expect(short.status != 0)
        #expect(short.errorText.contains("store.secrets_key_invalid"))
        let badURL = try await ChildProcess.run(
            ServerProcess.executable,
            [
                "--port", "\(try ServerProcess.freePort())", "--public-url", "ftp://sso.example",
                "--store", "sqlite:" + folder.appending(path: "s.sqlite").path,
            ],
            environment: Self.environment(secretsKey: Data(repeating: 1, count: 32).base64EncodedString()))
        #expect(badURL.status != 0)
        #expect(badURL.errorText.contains("--public-url"))
    }
}
