import HTTPTypes
import SsoAsyncHTTPClient
import SsoCore
import SsoTestSupport
import Testing

/// Oversized, slow, truncated and untrusted answers from the local HTTPS server become typed
/// errors, and an oversized body is not read to its end.
@Suite struct TransportFailureTests {
    static let flood = 64 * 1024 * 1024
    static let limit = 64 * 1024

    @Test("an oversized body is refused and not read to its end", arguments: [true, false])
    func oversizedBody(declareLength: Bool) async throws {
        try await TestHTTPSServer.with { server in
            server.route("/big", .flood(total: Self.flood, declareLength: declareLength))
            try await withTrustingTransport { transport in
                let code = await errorCode {
                    try await transport.send(try request(server.url("/big")), body: nil, maxResponseBytes: Self.limit)
                }
                #expect(code == .httpResponseTooLarge)
            }
            // The client closed the connection at once: the server could write only what the
            // socket buffers took, far from all of it.
            let close = try #require(try await server.log.closed("/big"))
            #expect(close.bodyBytesWritten < Self.flood / 2)
        }
    }

    @Test("a body just at the limit is accepted")
    func bodyAtTheLimit() async throws {
        try await TestHTTPSServer.with { server in
            server.route("/exact", .chunked([Array(repeating: 0x61, count: 1000), Array(repeating: 0x62, count: 24)]))
            let answer = try await withTrustingTransport { transport in
                try await transport.send(try request(server.url("/exact")), body: nil, maxResponseBytes: 1024)
            }
            #expect(answer.body.count == 1024)
        }
    }

    @Test(
        "a server that stalls before or after the head hits the deadline: http.timeout",
        arguments: [
            "/stall-head", "/stall-body",
        ])
    func slowServer(path: String) async throws {
        try await TestHTTPSServer.with { server in
            server.route("/stall-head", .stallBeforeHead)
            server.route("/stall-body", .stallAfterHead)
            try await withTrustingTransport(requestTimeout: .seconds(1)) { transport in
                let code = await errorCode {
                    try await transport.send(try request(server.url(path)), body: nil, maxResponseBytes: Self.limit)
                }
                #expect(code == .httpTimeout)
            }
            // The client gave up and closed what it had opened: nothing is left hanging.
            #expect(try await server.log.allConnectionsClosed())
        }
    }

    @Test("a body cut short of its Content-Length is http.transport_failed")
    func truncatedBody() async throws {
        try await TestHTTPSServer.with { server in
            server.route("/cut", .truncate(declared: 1000, sent: 100))
            try await withTrustingTransport { transport in
                do {
                    _ = try await transport.send(
                        try request(server.url("/cut")), body: nil, maxResponseBytes: Self.limit)
                    Issue.record("a truncated body must fail")
                } catch let error as SsoError {
                    #expect(error.code == .httpTransportFailed)
                    #expect(error.message.contains("before the response was complete"), "\(error)")
                }
            }
        }
    }

    @Test("a certificate from an unknown CA is http.tls_failed")
    func untrustedCertificate() async throws {
        try await TestHTTPSServer.with { server in
            server.route("/ok", .respond(body: []))
            try await AsyncHTTPClientTransport.withTransport { transport in
                let code = await errorCode {
                    try await transport.send(try request(server.url("/ok")), body: nil, maxResponseBytes: Self.limit)
                }
                #expect(code == .httpTLSFailed)
            }
            #expect(server.log.requests.isEmpty)
        }
    }

    @Test("a trusted certificate for another host name is http.tls_failed")
    func wrongHostName() async throws {
        try await TestHTTPSServer.with(certificate: "other") { server in
            server.route("/ok", .respond(body: []))
            try await withTrustingTransport { transport in
                let code = await errorCode {
                    try await transport.send(try request(server.url("/ok")), body: nil, maxResponseBytes: Self.limit)
                }
                #expect(code == .httpTLSFailed)
            }
            #expect(server.log.requests.isEmpty)
        }
    }

    @Test("a refused connection is http.transport_failed, not retried until the deadline")
    func refusedConnection() async throws {
        // Port 1 on loopback: nothing listens there, and no other test can take it (a stopped
        // server's port could be reused by a parallel test's server).
        try await withTrustingTransport { transport in
            let code = await errorCode {
                try await transport.send(try request("https://127.0.0.1:1/ok"), body: nil, maxResponseBytes: Self.limit)
            }
            #expect(code == .httpTransportFailed)
        }
    }

    @Test("a transport after shutdown refuses requests")
    func afterShutdown() async throws {
        let transport = AsyncHTTPClientTransport(configuration: try trustingTestCA())
        try await transport.shutdown()
        try await transport.shutdown()
        let code = await errorCode {
            try await transport.send(try request("https://127.0.0.1:1/ok"), body: nil, maxResponseBytes: Self.limit)
        }
        #expect(code == .httpTransportFailed)
    }

    @Test("trust roots that are not PEM certificates are refused")
    func badTrustRoots() {
        var configuration = AsyncHTTPClientTransport.Configuration()
        let code = errorCode { try configuration.addTrustRoots(pem: Array("not a certificate".utf8)) }
        #expect(code == .httpTransportFailed)
        #expect(configuration.additionalTrustRoots.isEmpty)
    }
}
