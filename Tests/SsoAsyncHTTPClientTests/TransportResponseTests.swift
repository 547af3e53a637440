import HTTPTypes
import SsoAsyncHTTPClient
import SsoCore
import SsoTestSupport
import Testing

/// What the transport sends and hands back, against the local HTTPS server.
@Suite struct TransportResponseTests {
    @Test("a normal response: status, fields and body; the request's path, query and Host")
    func normalResponse() async throws {
        try await TestHTTPSServer.with { server in
            let json = Array(#"{"ok":true}"#.utf8)
            server.route("/ok", .respond(headers: ["Content-Type": "application/json"], body: json))
            try await withTrustingTransport { transport in
                let answer = try await transport.send(
                    try request(server.url("/ok?a=1&b=2")), body: nil, maxResponseBytes: 1024)
                #expect(answer.response.status == .ok)
                #expect(answer.response.headerFields[.contentType] == "application/json")
                #expect(answer.body == json)
            }
            let seen = try #require(server.log.requests(for: "/ok").first)
            #expect(seen.method == "GET")
            #expect(seen.uri == "/ok?a=1&b=2")
            #expect(seen.header("host") == "127.0.0.1:\(server.port)")
            #expect(seen.header("user-agent") == "swift-sso")
            #expect(seen.header("accept-encoding") == nil)
        }
    }

    @Test("a chunked response is read to its end")
    func chunkedResponse() async throws {
        try await TestHTTPSServer.with { server in
            let chunks = (0..<20).map { Array(repeating: UInt8(0x41 + $0), count: 1000 + $0) }
            server.route("/chunked", .chunked(chunks))
            let answer = try await withTrustingTransport { transport in
                try await transport.send(try request(server.url("/chunked")), body: nil, maxResponseBytes: 64 * 1024)
            }
            #expect(answer.body == chunks.flatMap { $0 })
            #expect(answer.response.headerFields[.transferEncoding] == "chunked")
        }
    }

    @Test("a 302 is returned as it is, never followed; the library's fetch then refuses it")
    func redirectIsNotFollowed() async throws {
        try await TestHTTPSServer.with { server in
            server.route("/moved", .respond(status: .found, headers: ["Location": "/ok"], body: []))
            server.route("/ok", .respond(body: Array("followed".utf8)))
            try await withTrustingTransport { transport in
                let answer = try await transport.send(
                    try request(server.url("/moved")), body: nil, maxResponseBytes: 1024)
                #expect(answer.response.status.code == 302)
                #expect(answer.response.headerFields[.location] == "/ok")
                let code = await errorCode {
                    try await transport.fetch(try request(server.url("/moved")), maxResponseBytes: 1024)
                }
                #expect(code == .httpRedirectRefused)
            }
            #expect(server.log.requests(for: "/moved").count == 2)
            #expect(server.log.requests(for: "/ok").isEmpty)
        }
    }

    @Test("a POST body and its content type reach the server unchanged")
    func postBodyPassesThrough() async throws {
        try await TestHTTPSServer.with { server in
            server.route("/token", .echo)
            let form = Array("grant_type=authorization_code&code=a%2Bb&code_verifier=xyz".utf8)
            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            let answer = try await withTrustingTransport { transport in
                try await transport.send(
                    try request(server.url("/token"), method: .post, headers: headers), body: form,
                    maxResponseBytes: 1024)
            }
            #expect(answer.body == form)
            let method = try #require(HTTPField.Name("x-echo-method"))
            let contentType = try #require(HTTPField.Name("x-echo-content-type"))
            #expect(answer.response.headerFields[method] == "POST")
            #expect(answer.response.headerFields[contentType] == "application/x-www-form-urlencoded")
            #expect(server.log.requests(for: "/token").first?.header("content-length") == "\(form.count)")
        }
    }

    @Test("a Set-Cookie is handed back but never replayed")
    func noCookies() async throws {
        try await TestHTTPSServer.with { server in
            server.route("/login", .respond(headers: ["Set-Cookie": "sid=abc123; Path=/; Secure"], body: []))
            server.route("/next", .respond(body: []))
            try await withTrustingTransport { transport in
                let first = try await transport.send(
                    try request(server.url("/login")), body: nil, maxResponseBytes: 1024)
                #expect(first.response.headerFields[.setCookie] == "sid=abc123; Path=/; Secure")
                _ = try await transport.send(try request(server.url("/next")), body: nil, maxResponseBytes: 1024)
                _ = try await transport.send(try request(server.url("/login")), body: nil, maxResponseBytes: 1024)
            }
            #expect(server.log.requests.count == 3)
            #expect(server.log.requests.allSatisfy { $0.header("cookie") == nil })
        }
    }

    @Test("fields cannot inject fields; Host, framing and Cookie come from the transport")
    func noFieldInjection() async throws {
        try await TestHTTPSServer.with { server in
            server.route("/h", .respond(body: []))
            var headers = HTTPFields()
            headers[try #require(HTTPField.Name("X-Test"))] = "a\r\nInjected: yes"
            headers[try #require(HTTPField.Name("Host"))] = "evil.example"
            headers[.contentLength] = "999"
            headers[.cookie] = "sid=stolen"
            headers[.authorization] = "Bearer t0ken"
            try await withTrustingTransport { transport in
                let answer = try await transport.send(
                    try request(server.url("/h"), headers: headers), body: nil, maxResponseBytes: 1024)
                #expect(answer.response.status == .ok)
            }
            let seen = try #require(server.log.requests(for: "/h").first)
            #expect(seen.header("injected") == nil)
            #expect(seen.header("x-test")?.hasPrefix("a") == true)
            #expect(seen.header("host") == "127.0.0.1:\(server.port)")
            #expect(seen.header("content-length") == nil)
            #expect(seen.header("cookie") == nil)
            #expect(seen.header("authorization") == "Bearer t0ken")
        }
    }

    @Test("a request the URL checks refuse is never sent")
    func refusedRequests() async throws {
        try await TestHTTPSServer.with { server in
            let cases = [
                HTTPRequest(method: .get, scheme: "https", authority: "user@127.0.0.1:\(server.port)", path: "/x"),
                HTTPRequest(method: .get, scheme: "http", authority: "example.com", path: "/x"),
                HTTPRequest(method: .get, scheme: "ftp", authority: "127.0.0.1:\(server.port)", path: "/x"),
                HTTPRequest(method: .get, scheme: "https", authority: "127.0.0.1:\(server.port)", path: "/x#frag"),
            ]
            try await withTrustingTransport { transport in
                for candidate in cases {
                    let code = await errorCode {
                        try await transport.send(candidate, body: nil, maxResponseBytes: 1024)
                    }
                    #expect(code == .httpTransportFailed, "\(candidate)")
                }
            }
            #expect(server.log.requests.isEmpty)
        }
    }
}
