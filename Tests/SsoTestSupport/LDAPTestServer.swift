import Foundation
import Testing

/// A throwaway slapd started by the tests themselves (scripts/ldap-fixture/start.sh): 127.0.0.1,
/// free ports, config and data under `.build/ldap-fixture-XXXX`, removed by ``stop()``. The start
/// script's watchdog kills the server if this test process dies without stopping it.
/// Shared by every test target that needs a directory (SsoLDAPTests, SsoTests).
public struct LDAPTestServer: Sendable {
    public let directory: URL
    public let pid: Int32
    public let port: Int
    public let tlsPort: Int

    public var ldapURL: String { "ldap://127.0.0.1:\(port)" }
    public var ldapsURL: String { "ldaps://127.0.0.1:\(tlsPort)" }
    public var caPEM: String {
        (try? String(contentsOf: directory.appending(path: "certs/ca.crt"), encoding: .utf8)) ?? ""
    }
    public var wrongCAPEM: String {
        (try? String(contentsOf: directory.appending(path: "certs/wrongca.crt"), encoding: .utf8)) ?? ""
    }
    public var caFile: String { directory.appending(path: "certs/ca.crt").path }

    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @TaskLocal public static var current: LDAPTestServer?

    /// The suite's server (set by the ``LDAPServerTrait``).
    public static var shared: LDAPTestServer {
        get throws {
            guard let current else { throw FixtureError("no LDAP test server in scope; add the .ldapServer trait") }
            return current
        }
    }

    public struct FixtureError: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    /// Starts a server; `tls: false` gives a plain-only server (no StartTLS, no ldaps).
    public static func start(tls: Bool = true) async throws -> LDAPTestServer {
        let build = packageRoot.appending(path: ".build")
        try FileManager.default.createDirectory(at: build, withIntermediateDirectories: true)
        let directory = build.appending(path: "ldap-fixture-\(UUID().uuidString.prefix(8))")
        let output = try await run(
            packageRoot.appending(path: "scripts/ldap-fixture/start.sh").path, [directory.path],
            environment: ["FIXTURE_TLS": tls ? "1" : "0", "FIXTURE_OWNER_PID": "\(getpid())"])
        let fields = output.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard fields.count == 3 else { throw FixtureError("slapd did not start: \(output)") }
        return LDAPTestServer(directory: directory, pid: Int32(fields[0]), port: fields[1], tlsPort: fields[2])
    }

    /// Stops the server and removes its directory.
    public func stop() async {
        _ = try? await Self.run(Self.packageRoot.appending(path: "scripts/ldap-fixture/stop.sh").path, [directory.path])
    }

    /// Runs a script through `/bin/sh`; throws unless it exits 0; returns its standard output.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:])
        async throws -> String
    {
        let (status, output, errors) = await command(["/bin/sh", executable] + arguments, environment: environment)
        guard status == 0 else { throw FixtureError("\(executable) failed (\(status)): \(errors)") }
        return output
    }

    /// Runs a command on a dedicated thread (never blocking the cooperative pool) through
    /// `system(3)`, which reaps its child itself. Returns the exit status, stdout and stderr.
    public static func command(_ arguments: [String], environment: [String: String] = [:]) async -> (
        Int32, String, String
    ) {
        func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let capture = FileManager.default.temporaryDirectory.appending(path: "ldap-fixture-\(UUID().uuidString)")
        let out = capture.path + ".out"
        let err = capture.path + ".err"
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
        }
        let assignments = environment.map { "\($0.key)=\(quote($0.value))" }.joined(separator: " ")
        let line =
            "\(assignments) \(arguments.map(quote).joined(separator: " ")) >\(quote(out)) 2>\(quote(err)) </dev/null"
        let status: Int32 = await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: system(line)) }.start()
        }
        let output = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
        return ((status >> 8) & 0xFF, output, errors)
    }
}

/// Starts one slapd around a whole suite (nested suites included) and stops it afterwards, also
/// when a test fails.
public struct LDAPServerTrait: SuiteTrait, TestScoping {
    public init() {}

    public var isRecursive: Bool { false }

    public func provideScope(
        for test: Test, testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        let server = try await LDAPTestServer.start()
        do {
            try await LDAPTestServer.$current.withValue(server) { try await function() }
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}

extension Trait where Self == LDAPServerTrait {
    /// Runs the suite against a throwaway slapd.
    public static var ldapServer: Self { Self() }
}
