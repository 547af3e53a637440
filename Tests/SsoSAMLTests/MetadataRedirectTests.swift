import Foundation
import HTTPTypes
import SsoCore
import SsoSAML
import SsoTestSupport
import SsoTesting
import Testing

/// A metadata fetch follows a few redirects from https to https (metadata hosts move), and no
/// other kind: the same over every transport.
@Suite struct MetadataRedirectTests {
    static let configured = "https://idp.example.com/metadata"

    static func redirect(_ status: HTTPResponse.Status = .found, to location: String) -> FakeHTTPTransport.Handler {
        { _, _ in
            var fields = HTTPFields()
            fields[.location] = location
            return HTTPTransportResponse(response: HTTPResponse(status: status, headerFields: fields), body: [])
        }
    }

    static func transport() throws -> FakeHTTPTransport {
        let transport = FakeHTTPTransport()
        transport.route(
            "https://cdn.example.net/federation/okta.xml", body: try SAMLFixtures.bytes("okta/metadata.xml"),
            contentType: "application/samlmetadata+xml")
        return transport
    }

    @Test("follows https redirects, relative and to another host, and parses what it finds")
    func followsHTTPSRedirects() async throws {
        let transport = try Self.transport()
        transport.route(Self.configured, Self.redirect(.movedPermanently, to: "/moved"))
        transport.route(
            "https://idp.example.com/moved",
            Self.redirect(.temporaryRedirect, to: "https://cdn.example.net/federation/okta.xml"))
        let metadata = try await IdPMetadataFetcher(transport: transport).fetch(
            url: Self.configured, now: SAMLFixtures.fixedNow)
        #expect(metadata.entityID == "http://www.okta.com/exk1a2b3c4d5e6f7g8h9")
        #expect(transport.requests.count == 3)
    }

    @Test("refuses a redirect to http, a loop, one too many, and any with maxRedirects 0")
    func refusals() async throws {
        let insecure = try Self.transport()
        insecure.route(Self.configured, Self.redirect(to: "http://cdn.example.net/federation/okta.xml"))
        let fetcher = IdPMetadataFetcher(transport: insecure)
        #expect(
            await errorCode { try await fetcher.fetch(url: Self.configured, now: SAMLFixtures.fixedNow) }
                == .httpRedirectInsecure)

        let loop = try Self.transport()
        loop.route(Self.configured, Self.redirect(to: "/a"))
        loop.route("https://idp.example.com/a", Self.redirect(to: Self.configured))
        #expect(
            await errorCode {
                try await IdPMetadataFetcher(transport: loop).fetch(url: Self.configured, now: SAMLFixtures.fixedNow)
            } == .httpRedirectLoop)

        let chain = try Self.transport()
        chain.route(Self.configured, Self.redirect(to: "/1"))
        chain.route("https://idp.example.com/1", Self.redirect(to: "/2"))
        chain.route("https://idp.example.com/2", Self.redirect(to: "https://cdn.example.net/federation/okta.xml"))
        let two = IdPMetadataFetcher(transport: chain, options: .init(maxRedirects: 2))
        #expect(
            await errorCode { try await two.fetch(url: Self.configured, now: SAMLFixtures.fixedNow) }
                == .httpTooManyRedirects)
        let three = IdPMetadataFetcher(transport: chain)
        _ = try await three.fetch(url: Self.configured, now: SAMLFixtures.fixedNow)

        let none = IdPMetadataFetcher(transport: chain, options: .init(maxRedirects: 0))
        #expect(
            await errorCode { try await none.fetch(url: Self.configured, now: SAMLFixtures.fixedNow) }
                == .httpRedirectRefused)
        #expect(chain.count(for: "https://cdn.example.net/federation/okta.xml") == 1)
    }

    @Test("a loopback http metadata URL never follows a redirect")
    func loopbackHTTPDoesNotRedirect() async throws {
        let transport = try Self.transport()
        transport.route("http://127.0.0.1:8080/md", Self.redirect(to: "https://cdn.example.net/federation/okta.xml"))
        let code = await errorCode {
            try await IdPMetadataFetcher(transport: transport).fetch(
                url: "http://127.0.0.1:8080/md", now: SAMLFixtures.fixedNow)
        }
        #expect(code == .httpRedirectInsecure)
        #expect(transport.requests.count == 1)
    }
}
