import Foundation
import HTTPTypes
import Sso
import SsoTesting
import Testing

@Suite struct ConnectionTestFlowTests {
    @Test func oidcTestChecksDiscoveryAndKeysAndSetsStatus() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (connection, provider) = try await Flow.oidc(env, org, Flow.okta)
        env.transport.route(provider.jwksURI) { _, _ in
            env.clock.advance(by: 0.142)
            return HTTPTransportResponse(response: HTTPResponse(status: .ok), body: Array(#"{"keys":[]}"#.utf8))
        }
        let failed = try await org.testConnection(connection.id)
        #expect(!failed.success)
        #expect(failed.responseTime == 142)
        var stored = try await org.getConnection(connection.id)
        #expect(stored.status == .error)
        #expect(stored.statusReason == failed.message)

        provider.install(on: env.transport)
        let passed = try await org.testConnection(connection.id)
        #expect(passed.success)
        #expect(passed.message.contains(Flow.okta.issuer))
        stored = try await org.getConnection(connection.id)
        #expect(stored.status == .active)
        #expect(stored.statusReason == nil)
    }

    @Test func oidcIssuerMismatchFails() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (connection, provider) = try await Flow.oidc(env, org, Flow.google)
        provider.misbehave { $0.discoveryIssuer = "https://evil.example" }
        let result = try await org.testConnection(connection.id)
        #expect(!result.success)
        #expect(try await org.getConnection(connection.id).status == .error)
    }

    @Test func samlTestFetchesMetadataAndChecksCertificates() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (connection, _) = try await Flow.saml(env, org, Flow.entra)
        let passed = try await org.testConnection(connection.id)
        #expect(passed.success)
        #expect(passed.message.contains(Flow.entra.entityID))
        // Garbage metadata: a failure with the reason, and status error.
        env.transport.route("https://metadata.test/entra-id.xml", text: "<html>oops</html>")
        let failed = try await org.testConnection(connection.id)
        #expect(!failed.success)
        #expect(try await org.getConnection(connection.id).status == .error)
        // Long after the fixture certificate expired (2049).
        env.transport.route(
            "https://metadata.test/entra-id.xml",
            text: try env.addSAMLIdentityProvider(
                entityID: Flow.entra.entityID, ssoURL: "https://sso.test/x",
                privateKeyPEM: try String(
                    contentsOf: Flow.packageRoot.appending(path: "Fixtures/saml/keys/entra-id-key.pem"), encoding: .utf8
                ),
                certificatePEM: try String(
                    contentsOf: Flow.packageRoot.appending(path: "Fixtures/saml/keys/entra-id-cert.pem"),
                    encoding: .utf8)
            ).metadataXML())
        #expect(try await org.testConnection(connection.id).success)
        env.clock.set(Date(timeIntervalSince1970: 2_556_143_999 + 86_400 * 400))
        let expired = try await org.testConnection(connection.id)
        #expect(!expired.success)
        #expect(expired.message.contains("expired"))
    }

    @Test func unknownConnectionIsAnError() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        #expect(
            await errorCode { try await org.testConnection("sso_conn_01HXAAAAAAAAAAAAAAAAAAAAAA") }
                == .connectionNotFound)
    }
}
