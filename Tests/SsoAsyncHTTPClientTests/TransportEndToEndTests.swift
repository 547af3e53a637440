import Foundation
import SsoAsyncHTTPClient
import SsoCore
import SsoOIDC
import SsoSAML
import Testing

/// The library's own fetches over the real transport and the local HTTPS server.
@Suite struct TransportEndToEndTests {
    static let repository = TestHTTPSServer.fixtures.deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: repository.appendingPathComponent("Fixtures").appendingPathComponent(path)))
    }

    static func discovery(issuer: String) throws -> [UInt8] {
        let document: [String: Any] = [
            "issuer": issuer, "authorization_endpoint": issuer + "/authorize", "token_endpoint": issuer + "/token",
            "jwks_uri": issuer + "/jwks", "response_types_supported": ["code"],
            "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
        ]
        return Array(try JSONSerialization.data(withJSONObject: document))
    }

    @Test("OIDC discovery and the JWKS download work through the transport")
    func oidcDiscovery() async throws {
        try await TestHTTPSServer.with { server in
            server.route(
                "/.well-known/openid-configuration",
                .respond(headers: ["Content-Type": "application/json"], body: try Self.discovery(issuer: server.base)))
            server.route(
                "/jwks",
                .respond(headers: ["Content-Type": "application/json"], body: try Self.fixture("oidc/okta/jwks.json")))
            try await withTrustingTransport { transport in
                let cache = ProviderMetadataCache(issuer: server.base, transport: transport, clock: SystemClock())
                let metadata = try await cache.metadata()
                #expect(metadata.issuer == server.base)
                #expect(metadata.jwksURI == server.url("/jwks"))
                let keys = try await JWKSCache.download(jwksURI: metadata.jwksURI, transport: transport)
                #expect(!keys.keys.isEmpty)
            }
        }
    }

    @Test("a SAML metadata fetch follows the server's redirect; the transport did not")
    func samlMetadataThroughARedirect() async throws {
        try await TestHTTPSServer.with { server in
            server.route(
                "/old", .respond(status: .movedPermanently, headers: ["Location": "/federation/md.xml"], body: []))
            server.route(
                "/federation/md.xml",
                .respond(
                    headers: ["Content-Type": "application/samlmetadata+xml"],
                    body: try Self.fixture("saml/okta/metadata.xml")))
            let metadata = try await withTrustingTransport { transport in
                try await IdPMetadataFetcher(transport: transport).fetch(
                    url: server.url("/old"), now: Date(timeIntervalSince1970: 1_774_785_600))
            }
            #expect(metadata.entityID == "http://www.okta.com/exk1a2b3c4d5e6f7g8h9")
            #expect(server.log.requests.map(\.uri) == ["/old", "/federation/md.xml"])
        }
    }
}
