import HTTPTypes
import SsoCore
import SsoTestSupport
import SsoTesting
import Testing

/// The library's redirect policy, the same whatever the transport: `.refuse` for token, JWKS,
/// discovery and userinfo requests, `.follow(max:)` for metadata fetches.
@Suite struct RedirectPolicyTests {
    static let start = "https://idp.example.com/metadata"

    static func redirect(_ status: HTTPResponse.Status = .found, to locations: [String]) -> FakeHTTPTransport.Handler {
        { _, _ in
            var fields = HTTPFields()
            for location in locations { fields.append(HTTPField(name: .location, value: location)) }
            return HTTPTransportResponse(response: HTTPResponse(status: status, headerFields: fields), body: [])
        }
    }

    static func redirect(_ status: HTTPResponse.Status = .found, to location: String) -> FakeHTTPTransport.Handler {
        redirect(status, to: [location])
    }

    static func get(_ url: String = start, headers: HTTPFields = [:]) throws -> HTTPRequest {
        let endpoint = try EndpointURL(url, field: "url", invalid: "test.invalid", insecure: "test.insecure")
        return endpoint.request(method: .get, headers: headers)
    }

    @Test("refuse: every redirect status is http.redirect_refused, and nothing else is requested")
    func refuseEveryRedirect() async throws {
        for status in [300, 301, 302, 303, 305, 307, 308] {
            let transport = FakeHTTPTransport()
            transport.route(Self.start, Self.redirect(HTTPResponse.Status(code: status), to: "/elsewhere"))
            transport.route("https://idp.example.com/elsewhere", status: .ok, text: "{}")
            let code = await errorCode { try await transport.fetch(try Self.get(), maxResponseBytes: 1024) }
            #expect(code == .httpRedirectRefused, "HTTP \(status)")
            #expect(transport.requests.count == 1, "HTTP \(status)")
        }
    }

    @Test("refuse is the default, and a 304 or 200 is left to the caller")
    func notRedirects() async throws {
        let transport = FakeHTTPTransport()
        transport.route(Self.start, status: .notModified, text: "")
        let answer = try await transport.fetch(try Self.get(), maxResponseBytes: 1024)
        #expect(answer.response.status.code == 304)
        transport.route(Self.start, Self.redirect(to: "https://idp.example.com/x"))
        let code = await errorCode { try await transport.fetch(try Self.get(), maxResponseBytes: 1024) }
        #expect(code == .httpRedirectRefused)
    }

    @Test("a refused redirect's message names where it pointed, without query or user information")
    func refusalMessage() async throws {
        let transport = FakeHTTPTransport()
        transport.route(Self.start, Self.redirect(to: "https://evil.example/cb?code=SECRET-CODE"))
        let request = try Self.get()
        do {
            _ = try await transport.fetch(request, maxResponseBytes: 1024, redirects: .refuse)
            Issue.record("a redirect must be refused")
        } catch {
            #expect(error.code == .httpRedirectRefused)
            #expect(error.message.contains("https://evil.example/cb"))
            #expect(error.message.contains("302"))
            #expect(!error.message.contains("SECRET"))
        }
        transport.route(Self.start, Self.redirect(to: "https://user:PASSWORD@evil.example/"))
        do {
            _ = try await transport.fetch(request, maxResponseBytes: 1024)
            Issue.record("a redirect must be refused")
        } catch {
            #expect(error.code == .httpRedirectRefused)
            #expect(!error.message.contains("PASSWORD"))
        }
    }

    @Test("follow: a relative Location is resolved against the request URL; the fragment is not sent")
    func followsRelativeLocations() async throws {
        let transport = FakeHTTPTransport()
        transport.route(Self.start, Self.redirect(.movedPermanently, to: "v2/md.xml?tenant=7#frag"))
        transport.route("https://idp.example.com/v2/md.xml", Self.redirect(.temporaryRedirect, to: "/final"))
        transport.route("https://idp.example.com/final", status: .ok, text: "<md/>")
        let answer = try await transport.fetch(try Self.get(), maxResponseBytes: 1024, redirects: .follow(max: 3))
        #expect(answer.body == Array("<md/>".utf8))
        #expect(transport.requests.map(\.request.path) == ["/metadata", "/v2/md.xml?tenant=7", "/final"])
        #expect(transport.requests.allSatisfy { $0.request.method == .get })
    }

    @Test("follow: another host gets the request without credentials; the same host keeps them")
    func crossHostDropsCredentials() async throws {
        let transport = FakeHTTPTransport()
        transport.route(Self.start, Self.redirect(to: "/same"))
        transport.route("https://idp.example.com/same", Self.redirect(.seeOther, to: "//cdn.example.net/md"))
        transport.route("https://cdn.example.net/md", status: .ok, text: "<md/>")
        var headers = HTTPFields()
        headers[.authorization] = "Bearer TOKEN"
        headers[.cookie] = "a=b"
        headers[.accept] = "application/xml"
        _ = try await transport.fetch(
            try Self.get(headers: headers), maxResponseBytes: 1024, redirects: .follow(max: 3))
        let sent = transport.requests
        #expect(sent.count == 3)
        #expect(sent[1].request.headerFields[.authorization] == "Bearer TOKEN")
        #expect(sent[2].request.authority == "cdn.example.net")
        #expect(sent[2].request.headerFields[.authorization] == nil)
        #expect(sent[2].request.headerFields[.cookie] == nil)
        #expect(sent[2].request.headerFields[.accept] == "application/xml")
    }

    @Test("follow: leaving https, or starting from plain http, is http.redirect_insecure")
    func insecureRedirects() async throws {
        for location in ["http://idp.example.com/md", "HTTP://127.0.0.1/md", "ftp://idp.example.com/md", "data:,x"] {
            let transport = FakeHTTPTransport()
            transport.route(Self.start, Self.redirect(to: location))
            let code = await errorCode {
                try await transport.fetch(try Self.get(), maxResponseBytes: 1024, redirects: .follow(max: 3))
            }
            #expect(code == .httpRedirectInsecure, "\(location)")
            #expect(transport.requests.count == 1)
        }
        let transport = FakeHTTPTransport()
        transport.route("http://127.0.0.1:8080/md", Self.redirect(to: "https://idp.example.com/md"))
        let code = await errorCode {
            try await transport.fetch(
                try Self.get("http://127.0.0.1:8080/md"), maxResponseBytes: 1024, redirects: .follow(max: 3))
        }
        #expect(code == .httpRedirectInsecure)
        #expect(transport.requests.count == 1)
    }

    @Test("follow: a missing, doubled or malformed Location is http.redirect_invalid")
    func invalidLocations() async throws {
        let cases: [[String]] = [
            [], [""], ["/a", "/b"], ["https://user:pw@idp.example.com/md"], ["https://idp.example.com/a b"],
            ["https://idp.example.com/\u{e9}"], ["https:///nohost"],
        ]
        for locations in cases {
            let transport = FakeHTTPTransport()
            transport.route(Self.start, Self.redirect(to: locations))
            let code = await errorCode {
                try await transport.fetch(try Self.get(), maxResponseBytes: 1024, redirects: .follow(max: 3))
            }
            #expect(code == .httpRedirectInvalid, "\(locations)")
            #expect(transport.requests.count == 1)
        }
    }

    @Test("follow: back to a URL already requested is http.redirect_loop")
    func loops() async throws {
        let transport = FakeHTTPTransport()
        transport.route(Self.start, Self.redirect(to: "/b"))
        transport.route("https://idp.example.com/b", Self.redirect(to: "https://IDP.example.com/metadata"))
        let code = await errorCode {
            try await transport.fetch(try Self.get(), maxResponseBytes: 1024, redirects: .follow(max: 5))
        }
        #expect(code == .httpRedirectLoop)
        #expect(transport.requests.count == 2)
    }

    @Test("follow: at most max redirects, then http.too_many_redirects; max 0 refuses")
    func limit() async throws {
        let transport = FakeHTTPTransport()
        for hop in 0..<4 {
            transport.route("https://idp.example.com/\(hop)", Self.redirect(to: "/\(hop + 1)"))
        }
        transport.route("https://idp.example.com/4", status: .ok, text: "<md/>")
        let first = try Self.get("https://idp.example.com/0")
        let code = await errorCode {
            try await transport.fetch(first, maxResponseBytes: 1024, redirects: .follow(max: 3))
        }
        #expect(code == .httpTooManyRedirects)
        #expect(transport.requests.count == 4)
        let answer = try await transport.fetch(first, maxResponseBytes: 1024, redirects: .follow(max: 4))
        #expect(answer.response.status == .ok)
        let none = await errorCode {
            try await transport.fetch(first, maxResponseBytes: 1024, redirects: .follow(max: 0))
        }
        #expect(none == .httpRedirectRefused)
    }

    @Test("follow never applies to a request with a body or another method")
    func onlyBodilessGET() async throws {
        let transport = FakeHTTPTransport()
        transport.route(Self.start, Self.redirect(.temporaryRedirect, to: "/again"))
        var post = try Self.get()
        post.method = .post
        let withBody = await errorCode {
            try await transport.fetch(
                post, body: Array("code=1".utf8), maxResponseBytes: 1024, redirects: .follow(max: 3))
        }
        #expect(withBody == .httpRedirectRefused)
        let bodiless = await errorCode {
            try await transport.fetch(post, maxResponseBytes: 1024, redirects: .follow(max: 3))
        }
        #expect(bodiless == .httpRedirectRefused)
        #expect(transport.requests.count == 2)
    }

    @Test("the size limit holds on every hop")
    func limitOnEveryHop() async throws {
        let transport = ClosureHTTPTransport { request, _, _ in
            if request.path == "/metadata" {
                var fields = HTTPFields()
                fields[.location] = "/big"
                return HTTPTransportResponse(
                    response: HTTPResponse(status: .found, headerFields: fields),
                    body: Array(repeating: 0x41, count: 10))
            }
            return HTTPTransportResponse(response: HTTPResponse(status: .ok), body: Array(repeating: 0x41, count: 2048))
        }
        let code = await errorCode {
            try await transport.fetch(try Self.get(), maxResponseBytes: 1024, redirects: .follow(max: 3))
        }
        #expect(code == .httpResponseTooLarge)
    }
}
