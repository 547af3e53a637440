import Foundation
import HTTPTypes
import SsoOIDC
import SsoTesting
import Testing

@Suite("Token endpoint")
struct TokenExchangeTests {
    static func body(_ members: [String: JSONValue]) -> [UInt8] {
        Array(JSONValue.object(members).serialized().utf8)
    }

    @Test("client_secret_basic form-encodes id and secret before base64 (RFC 6749 §2.3.1)")
    func basicEncoding() throws {
        let header = TokenRequest.basicAuthorization(clientID: "a b:c", clientSecret: Secret("p@ss/wörd+%"))
        let decoded = String(decoding: try Base64.decode(header.dropFirst(6)), as: UTF8.self)
        #expect(header.hasPrefix("Basic "))
        #expect(decoded == "a+b%3Ac:p%40ss%2Fw%C3%B6rd%2B%25")
    }

    @Test("client_secret_post puts the credentials in the body and no Authorization header")
    func postMethod() async throws {
        let harness = try Harness(authMethod: .clientSecretPost)
        _ = try await harness.login()
        let request = try #require(harness.transport.requests.last { $0.url == harness.provider.tokenEndpoint })
        #expect(request.request.headerFields[.authorization] == nil)
        let body = String(decoding: request.body ?? [], as: UTF8.self)
        #expect(body.contains("client_id=client-123"))
        #expect(body.contains("client_secret=s3cr3t%3A+with%25special%2Bchars%2Fand-length-0123456789"))
    }

    @Test("a client using the wrong authentication method is refused by the provider")
    func wrongMethod() async throws {
        let harness = try Harness(authMethod: .clientSecretPost, registeredAuthMethod: "client_secret_basic")
        let error = await expectSsoError(.oidcTokenError) { try await harness.login() }
        #expect((error?.underlying as? OAuthErrorResponse)?.error == "invalid_client")
    }

    @Test("the OAuth error JSON becomes a typed error with error and error_description")
    func oauthError() async throws {
        let harness = try Harness()
        harness.provider.misbehave { $0.tokenError = ("invalid_grant", "The code has expired.") }
        let error = await expectSsoError(.oidcTokenError) { try await harness.login() }
        let oauth = try #require(error?.underlying as? OAuthErrorResponse)
        #expect(oauth.error == "invalid_grant")
        #expect(oauth.errorDescription == "The code has expired.")
        #expect(oauth.status == 400)
        #expect(error?.message.contains("invalid_grant") == true)
    }

    @Test("token_type Bearer is case-insensitive; others are refused")
    func tokenType() async throws {
        let idToken = "a.b.c"
        for type in ["Bearer", "bearer", "BEARER"] {
            let response = try TokenResponse.parse(
                status: 200,
                body: Self.body([
                    "access_token": .string("at"), "token_type": .string(type), "id_token": .string(idToken),
                ]))
            #expect(response.tokenType == type)
        }
        await expectSsoError(.oidcTokenTypeInvalid) {
            try TokenResponse.parse(
                status: 200,
                body: Self.body([
                    "access_token": .string("at"), "token_type": .string("DPoP"), "id_token": .string(idToken),
                ]))
        }
        await expectSsoError(.oidcTokenTypeInvalid) {
            try TokenResponse.parse(
                status: 200,
                body: Self.body([
                    "access_token": .string("at"), "id_token": .string(idToken),
                ]))
        }
        let harness = try Harness()
        harness.provider.misbehave { $0.tokenType = "mac" }
        await expectSsoError(.oidcTokenTypeInvalid) { try await harness.login() }
    }

    @Test("id_token and access_token are required")
    func requiredTokens() async throws {
        await expectSsoError(.oidcTokenIDTokenMissing) {
            try TokenResponse.parse(
                status: 200,
                body: Self.body([
                    "access_token": .string("at"), "token_type": .string("Bearer"),
                ]))
        }
        await expectSsoError(.oidcTokenAccessTokenMissing) {
            try TokenResponse.parse(
                status: 200,
                body: Self.body([
                    "id_token": .string("a.b.c"), "token_type": .string("Bearer"),
                ]))
        }
        let harness = try Harness()
        harness.provider.misbehave { $0.omitIDToken = true }
        await expectSsoError(.oidcTokenIDTokenMissing) { try await harness.login() }
    }

    @Test("non-JSON and non-200 answers")
    func badAnswers() async {
        await expectSsoError(.oidcTokenHTTPStatus) { try TokenResponse.parse(status: 502, body: Array("<html>".utf8)) }
        await expectSsoError(.oidcTokenInvalidResponse) {
            try TokenResponse.parse(status: 200, body: Array("nope".utf8))
        }
        await expectSsoError(.oidcTokenInvalidResponse) {
            try TokenResponse.parse(
                status: 200,
                body: Self.body([
                    "access_token": .number(1), "token_type": .string("Bearer"), "id_token": .string("a.b.c"),
                ]))
        }
    }

    @Test("the token response never shows its tokens")
    func redaction() throws {
        let response = try TokenResponse.parse(
            status: 200,
            body: Self.body([
                "access_token": .string("secret-access"), "token_type": .string("Bearer"),
                "id_token": .string("secret.id.token"), "refresh_token": .string("secret-refresh"),
            ]))
        var dumped = ""
        dump(response, to: &dumped)
        for text in ["\(response)", String(reflecting: response), dumped] {
            #expect(!text.contains("secret-access"))
            #expect(!text.contains("secret-refresh"))
            #expect(!text.contains("secret.id.token"))
        }
    }

    @Test("the provider enforces PKCE, redirect_uri and single-use codes")
    func providerChecks() async throws {
        let harness = try Harness()
        let request = try await harness.start()
        let redirect = try harness.provider.authorize(request.url, as: harness.user)
        let metadata = try await harness.client.metadata()
        func exchange(verifier: String, redirectURI: String) async throws -> Int {
            let token = try TokenRequest.make(
                tokenEndpoint: metadata.tokenEndpoint, code: Secret(redirect.code), redirectURI: redirectURI,
                codeVerifier: Secret(verifier), clientID: Harness.clientID, clientSecret: Harness.clientSecret)
            let response = try await harness.transport.send(token.request, body: token.body, maxResponseBytes: 65536)
            return response.response.status.code
        }
        #expect(
            try await exchange(verifier: String(repeating: "A", count: 43), redirectURI: Harness.redirectURI) == 400)
        // The failed attempt burned the code: even the right verifier is refused now.
        #expect(
            try await exchange(verifier: request.pending.codeVerifier.unsafeValue, redirectURI: Harness.redirectURI)
                == 400)
    }
}
