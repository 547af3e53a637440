import Foundation
import Hummingbird
import HummingbirdTesting
import Sso
import SsoHummingbird
import SsoTesting
import Testing

/// Errors as browsers and API clients see them, and the request limits.
@Suite struct ErrorResponseTests {
    @Test func errorsAreJSONOnRequestAndEscapedHTMLOtherwise() async throws {
        let fixture = try await RouteFixture.make()
        try await fixture.application().test(.router) { client in
            let json = try await client.execute(
                uri: "/sso/login?email=eve@nowhere.example", method: .get, headers: [.accept: "application/json"])
            #expect(json.status == .notFound)
            let object = try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: [String: String]]
            #expect(object?["error"]?["code"] == "routing.no_connection")
            #expect(object?["error"]?["message"]?.isEmpty == false)

            let html = try await client.execute(uri: "/sso/login?email=%3Cscript%3E@x", method: .get)
            #expect(html.status == .badRequest)
            #expect(html.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(!html.text.contains("<script>"))
            #expect(try await client.execute(uri: "/sso/login", method: .get).status == .badRequest)
            // A repeated parameter is refused, not one of them picked.
            let repeated = try await client.execute(uri: "/sso/callback?state=a&state=b&code=c", method: .get)
            #expect(repeated.status == .badRequest || repeated.status == .unauthorized)
        }
    }

    @Test func anOversizedSAMLResponseIsRefusedBeforeItIsReadWhole() async throws {
        let fixture = try await RouteFixture.make()
        try await fixture.application(maxFormBytes: 64 * 1024).test(.router) { client in
            let huge = "SAMLResponse=" + String(repeating: "A", count: 10 * 1024 * 1024)
            let response = try await client.execute(
                uri: "/sso/saml/callback", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .accept: "application/json"],
                body: ByteBuffer(string: huge))
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("http.request_too_large"))
        }
    }

    @Test func spMetadataIsServedPerConnection() async throws {
        let fixture = try await RouteFixture.make()
        try await fixture.application().test(.router) { client in
            let metadata = try await client.execute(
                uri: "/sso/saml/metadata/\(fixture.samlConnection.id)", method: .get)
            #expect(metadata.status == .ok)
            #expect(metadata.text.contains("EntityDescriptor"))
            #expect(metadata.text.contains(RouteFixture.acs))
            let missing = try await client.execute(uri: "/sso/saml/metadata/conn_nope", method: .get)
            #expect(missing.status == .notFound)
        }
    }

    @Test func statusesFollowTheErrorClass() {
        #expect(SsoErrorResponse.status(for: .storeUnavailable) == .serviceUnavailable)
        #expect(SsoErrorResponse.status(for: .samlReplay) == .unauthorized)
        #expect(SsoErrorResponse.status(for: .loginBrowserMismatch) == .forbidden)
        #expect(SsoErrorResponse.status(for: .loginInvalidState) == .badRequest)
        #expect(SsoErrorResponse.status(for: .connectionInactive) == .forbidden)
    }
}
