import Foundation
import SsoTestSupport
import SsoTesting
import Testing
@testable import SsoOIDC

/// OIDC URLs — the configured issuer, redirect URIs and every discovery endpoint — go through the
/// one parsed checker.
@Suite("OIDC URL checks")
struct OIDCURLCheckTests {
    static let hostile = HostileURLs.malformed + HostileURLs.fakeLoopback

    static func document(_ changes: [String: JSONValue]) -> [UInt8] {
        var members: [String: JSONValue] = [
            "issuer": "https://idp.example.test",
            "authorization_endpoint": "https://idp.example.test/authorize",
            "token_endpoint": "https://idp.example.test/token", "jwks_uri": "https://idp.example.test/jwks",
            "userinfo_endpoint": "https://idp.example.test/userinfo",
            "response_types_supported": ["code"], "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
        ]
        for (name, value) in changes { members[name] = value }
        return Array(JSONValue.object(members).serialized().utf8)
    }

    @Test(
        "discovery endpoints", arguments: ["authorization_endpoint", "token_endpoint", "jwks_uri", "userinfo_endpoint"])
    func discoveryEndpoints(_ field: String) throws {
        for url in Self.hostile {
            var code: SsoError.Code?
            do {
                _ = try ProviderMetadata.parse(
                    Self.document([field: .string(url)]), configuredIssuer: "https://idp.example.test")
            } catch {
                code = error.code
            }
            // Plain http to a non-loopback host has its own code.
            #expect(
                code == .oidcDiscoveryInvalidURL || code == .oidcDiscoveryInsecureURL,
                "\(field) = \(url.debugDescription)")
        }
        for url in HostileURLs.valid {
            let metadata = try ProviderMetadata.parse(
                Self.document([field: .string(url)]), configuredIssuer: "https://idp.example.test")
            #expect(metadata.issuer == "https://idp.example.test")
        }
    }

    @Test("the configured issuer and the redirect URIs")
    func configuration() {
        func configuration(
            issuer: String = "https://op.example.test", redirectURI: String = "https://app.example.test/cb"
        )
            -> OIDCConfiguration
        {
            OIDCConfiguration(
                issuer: issuer, clientID: "client", clientSecret: Secret("secret"), redirectURI: redirectURI,
                transport: FakeHTTPTransport())
        }
        for url in Self.hostile {
            #expect(throws: SsoError.self, "issuer \(url.debugDescription)") {
                try configuration(issuer: url).validate()
            }
            #expect(throws: SsoError.self, "redirect \(url.debugDescription)") {
                try configuration(redirectURI: url).validate()
            }
        }
        for url in HostileURLs.valid {
            #expect(throws: Never.self) { try configuration(redirectURI: url).validate() }
        }
    }
}
