import Foundation
import HTTPTypes
import SsoCore
import SsoTesting
import Testing
@testable import SsoSAML

@Suite struct MetadataFetcherTests {
    @Test func fetchesAndParsesHTTPSMetadata() async throws {
        let transport = FakeHTTPTransport()
        transport.route(
            "https://login.example.com/federationmetadata.xml", body: try SAMLFixtures.bytes("okta/metadata.xml"),
            contentType: "application/samlmetadata+xml")
        let fetcher = IdPMetadataFetcher(transport: transport)
        let metadata = try await fetcher.fetch(
            url: "https://login.example.com/federationmetadata.xml?appid=1",
            now: SAMLFixtures.fixedNow)
        #expect(metadata.entityID == "http://www.okta.com/exk1a2b3c4d5e6f7g8h9")
        let sent = try #require(transport.requests.first)
        #expect(sent.request.method == .get)
        #expect(sent.request.path == "/federationmetadata.xml?appid=1")
        #expect(sent.request.headerFields[.accept]?.contains("samlmetadata") == true)
    }

    @Test func onlyHTTPSOrLoopbackHTTP() async throws {
        let transport = FakeHTTPTransport()
        transport.route("http://127.0.0.1:8080/metadata", body: try SAMLFixtures.bytes("auth0/metadata.xml"))
        transport.route("http://localhost/metadata", body: try SAMLFixtures.bytes("auth0/metadata.xml"))
        let fetcher = IdPMetadataFetcher(transport: transport)
        _ = try await fetcher.fetch(url: "http://127.0.0.1:8080/metadata", now: SAMLFixtures.fixedNow)
        _ = try await fetcher.fetch(url: "http://localhost/metadata", now: SAMLFixtures.fixedNow)
        let strict = IdPMetadataFetcher(transport: transport, options: .init(unsafeAllowHTTPForLoopback: false))
        for (candidate, client) in [
            ("http://idp.example.com/metadata", fetcher), ("ftp://idp.example.com/metadata", fetcher),
            ("file:///etc/passwd", fetcher), ("https://user:pw@idp.example.com/metadata", fetcher),
            ("/relative/metadata", fetcher), ("http://localhost.evil.example/metadata", fetcher),
            ("http://127.0.0.1:8080/metadata", strict),
        ] {
            do {
                _ = try await client.fetch(url: candidate, now: SAMLFixtures.fixedNow)
                Issue.record("\(candidate) must be refused")
            } catch {
                #expect(error.code == .samlMetadataURLNotAllowed, "\(candidate)")
            }
        }
        #expect(transport.requests.count == 2)
    }

    @Test func httpFailuresAreTyped() async throws {
        let transport = FakeHTTPTransport()
        transport.route("https://idp.example.com/big", body: Array(repeating: 0x20, count: 2048))
        transport.route("https://idp.example.com/boom") { _, _ in throw CancellationError() }
        let fetcher = IdPMetadataFetcher(transport: transport, options: .init(maxResponseBytes: 1024))
        let cases: [(String, SsoError.Code)] = [
            ("https://idp.example.com/missing", .samlMetadataFetchFailed),
            ("https://idp.example.com/big", .httpResponseTooLarge),
            ("https://idp.example.com/boom", .httpTransportFailed),
        ]
        for (url, expected) in cases {
            do {
                _ = try await fetcher.fetch(url: url, now: SAMLFixtures.fixedNow)
                Issue.record("\(url) must fail")
            } catch {
                #expect(error.code == expected, "\(url)")
            }
        }
        transport.route(
            "https://idp.example.com/html", text: "<html><body>login</body></html>", contentType: "text/html")
        do {
            _ = try await fetcher.fetch(url: "https://idp.example.com/html", now: SAMLFixtures.fixedNow)
            Issue.record("an HTML page is not metadata")
        } catch {
            #expect(error.code == .samlMetadataMalformed)
        }
    }

    @Test func testIdPServesItsMetadataOnTheFakeTransport() async throws {
        let transport = FakeHTTPTransport()
        let idp = try TestSAMLIdentityProvider(clock: TestClock(SAMLFixtures.fixedNow))
        idp.serveMetadata(on: transport, at: "https://idp.test.example/saml/metadata")
        let metadata = try await IdPMetadataFetcher(transport: transport)
            .fetch(url: "https://idp.test.example/saml/metadata", entityID: idp.entityID, now: SAMLFixtures.fixedNow)
        #expect(metadata.signingCertificates == [idp.certificate])
        #expect(metadata == (try idp.metadata()))
    }
}
