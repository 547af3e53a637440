import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SsoTestSupport

/// The built `sso-example-server` running as a child process on 127.0.0.1, its output in files
/// of the test's folder. Stopped by its PID: SIGTERM (graceful), or SIGKILL by ``kill()``.
final class ServerProcess: @unchecked Sendable {
    static var executable: URL { SsoCtlBinary.executable(named: "sso-example-server") }

    let process = Process()
    let port: Int
    let logFile: URL

    init(port: Int, arguments: [String], environment: [String: String], folder: URL) throws {
        self.port = port
        logFile = folder.appending(path: "server-\(UUID().uuidString.prefix(6)).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let log = try FileHandle(forWritingTo: logFile)
        process.executableURL = Self.executable
        process.arguments = ["--port", "\(port)"] + arguments
        process.environment = environment
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }
    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Waits until `GET /healthz` answers 200; throws with the server's log if it never does.
    func waitUntilHealthy(timeout: TimeInterval = 120) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard process.isRunning else { throw FixtureError("the server exited early:\n\(log)") }
            if let response = try? await HTTPSession(port: port).get("/healthz"), response.status == .ok { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw FixtureError("the server did not become healthy:\n\(log)")
    }

    /// Sends SIGTERM and returns the exit status.
    func terminate() async -> Int32 {
        if process.isRunning { Foundation.kill(pid, SIGTERM) }
        return await exitStatus()
    }

    /// Sends SIGKILL (for cleanup after a failure) and waits.
    func kill() async {
        if process.isRunning { Foundation.kill(pid, SIGKILL) }
        _ = await exitStatus()
    }

    func exitStatus() async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread { [process] in
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }.start()
        }
    }

    /// A TCP port nobody listens on right now (bound to port 0 and released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FixtureError("socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw FixtureError("bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw FixtureError("getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Requests to a server on 127.0.0.1 with a cookie jar (sent whatever its `Secure` flag: the
/// test speaks plain HTTP on loopback, as a browser treats it as a secure context). One
/// connection per request.
final class HTTPSession: @unchecked Sendable {
    let port: Int
    private let lock = NSLock()
    private var jar: [String: String] = [:]

    init(port: Int) { self.port = port }

    func cookie(_ name: String) -> String? { lock.withLock { jar[name] } }
    func setCookie(_ name: String, _ value: String) { lock.withLock { jar[name] = value } }

    func get(_ path: String, headers: HTTPFields = [:]) async throws -> TestClient.Response {
        try await send(.get, path, headers: headers)
    }

    func post(_ path: String, form: [(String, String)]) async throws -> TestClient.Response {
        try await send(
            .post, path, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: FormBody.encode(form)))
    }

    func admin(_ method: HTTPRequest.Method, _ path: String, token: String, json: String? = nil) async throws
        -> TestClient.Response
    {
        var headers: HTTPFields = [.authorization: "Bearer \(token)", .accept: "application/json"]
        if json != nil { headers[.contentType] = "application/json" }
        return try await send(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    func send(_ method: HTTPRequest.Method, _ path: String, headers: HTTPFields = [:], body: ByteBuffer? = nil)
        async throws -> TestClient.Response
    {
        var headers = headers
        let cookies = lock.withLock { jar.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } }
        if !cookies.isEmpty { headers[.cookie] = cookies.joined(separator: "; ") }
        let response = try await TestClient.withClient(host: "127.0.0.1", port: port) { [headers] client in
            try await client.execute(TestClient.Request(path, method: method, headers: headers, body: body))
        }
        lock.withLock {
            for line in response.headers[values: .setCookie] { CookieJarUpdate.apply(line, to: &jar) }
        }
        return response
    }
}

extension TestClient.Response {
    var text: String { body.map { String(buffer: $0) } ?? "" }
    var location: String { headers[.location] ?? "" }
}
