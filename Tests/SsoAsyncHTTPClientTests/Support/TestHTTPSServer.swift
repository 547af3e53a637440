import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Testing

/// An in-process HTTPS/1.1 server on 127.0.0.1 and a free port, with the test-only certificate
/// of `Fixtures/tls/`, answering each path with a ``ServerScript`` and logging what it saw.
final class TestHTTPSServer: Sendable {
    let port: Int
    let log: ServerLog
    private let channel: any Channel
    private let routes: NIOLockedValueBox<[String: ServerScript]>
    private let connections: NIOLockedValueBox<[any Channel]>

    /// The repository's `Fixtures/tls/`.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/tls")

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    private init(
        channel: any Channel, log: ServerLog, routes: NIOLockedValueBox<[String: ServerScript]>,
        connections: NIOLockedValueBox<[any Channel]>
    ) throws {
        guard let port = channel.localAddress?.port else { throw ServerError.noPort }
        self.port = port
        self.channel = channel
        self.log = log
        self.routes = routes
        self.connections = connections
    }

    /// Starts a server, runs `body` and stops the server.
    /// `certificate` names the fixture pair: `server` (127.0.0.1) or `other` (another host name).
    static func with<Result>(certificate: String = "server", _ body: (TestHTTPSServer) async throws -> Result)
        async throws -> Result
    {
        let server = try await start(certificate: certificate)
        do {
            let result = try await body(server)
            try await server.stop()
            return result
        } catch {
            try? await server.stop()
            throw error
        }
    }

    static func start(certificate name: String = "server") async throws -> TestHTTPSServer {
        let certificate = try NIOSSLCertificate.fromPEMBytes(fixture("\(name).pem"))
        let key = try NIOSSLPrivateKey(bytes: fixture("\(name).key.pem"), format: .pem)
        let tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: certificate.map { .certificate($0) }, privateKey: .privateKey(key))
        let context = try NIOSSLContext(configuration: tls)
        let log = ServerLog()
        let routes = NIOLockedValueBox<[String: ServerScript]>([:])
        let connections = NIOLockedValueBox<[any Channel]>([])
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                connections.withLockedValue { $0.append(channel) }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(ScriptedHandler(routes: routes, log: log))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return try TestHTTPSServer(channel: channel, log: log, routes: routes, connections: connections)
    }

    /// Answers requests for `path` (without query) with `script`.
    func route(_ path: String, _ script: ServerScript) {
        routes.withLockedValue { $0[path] = script }
    }

    /// `https://127.0.0.1:port` + `path`.
    func url(_ path: String) -> String { "\(base)\(path)" }

    var base: String { "https://127.0.0.1:\(port)" }

    func stop() async throws {
        try await channel.close()
        for connection in connections.withLockedValue({ $0 }) {
            try? await connection.close()
        }
    }

    enum ServerError: Error { case noPort }
}

/// What the server does for one path.
enum ServerScript: Sendable {
    /// One response with `Content-Length`.
    case respond(status: HTTPResponseStatus = .ok, headers: [String: String] = [:], body: [UInt8])
    /// A chunked response, one write and flush per chunk.
    case chunked([[UInt8]])
    /// `total` bytes in 16 KiB writes, each sent only once the previous one left for the socket;
    /// with `Content-Length` or chunked. Stops when the client goes away.
    case flood(total: Int, declareLength: Bool)
    /// Sends the head (`Content-Length: 100`) and then nothing.
    case stallAfterHead
    /// Sends nothing.
    case stallBeforeHead
    /// Declares `declared` bytes, sends `sent` and closes the connection.
    case truncate(declared: Int, sent: Int)
    /// Answers with the request's body, its method in `x-echo-method` and its content type in
    /// `x-echo-content-type`.
    case echo
}

/// What the server saw.
final class ServerLog: Sendable {
    struct Request: Sendable {
        var method: String
        var uri: String
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased().utf8.elementsEqual(name.lowercased().utf8) }?.value
        }
    }

    /// A connection that closed, with the path of its last request and the body bytes written for it.
    struct Close: Sendable {
        var path: String
        var bodyBytesWritten: Int
    }

    private let state = NIOLockedValueBox<(requests: [Request], closes: [Close], opened: Int)>(([], [], 0))

    var requests: [Request] { state.withLockedValue { $0.requests } }
    var closes: [Close] { state.withLockedValue { $0.closes } }

    func requests(for path: String) -> [Request] {
        requests.filter { $0.uri.split(separator: "?").first.map(String.init)?.utf8.elementsEqual(path.utf8) == true }
    }

    func record(_ request: Request) { state.withLockedValue { $0.requests.append(request) } }
    func record(_ close: Close) { state.withLockedValue { $0.closes.append(close) } }
    func recordOpen() { state.withLockedValue { $0.opened += 1 } }

    /// Waits (at most 30 s, as a guard against a hang, not a measurement) until a connection whose
    /// last request was for `path` closed.
    func closed(_ path: String) async throws -> Close? {
        for _ in 0..<1500 {
            if let close = closes.first(where: { $0.path.utf8.elementsEqual(path.utf8) }) { return close }
            try await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// Waits (at most 30 s, a guard against a hang) until at least one connection was accepted
    /// and every accepted one closed; false if that never happened.
    func allConnectionsClosed() async throws -> Bool {
        for _ in 0..<1500 {
            let (opened, closed) = state.withLockedValue { ($0.opened, $0.closes.count) }
            if opened > 0, opened == closed { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }
}
