import Foundation

/// The throwaway PostgreSQL on loopback the PostgreSQL benchmarks run against.
///
/// `scripts/bench` starts one for the whole run and passes its port in `SSO_BENCH_POSTGRES_PORT`
/// (every benchmark runs in its own process, and one `initdb` per benchmark would dominate the
/// run). Without it, the benchmark starts its own with scripts/pg-fixture/start.sh and stops it
/// with stop.sh, which kills the postmaster by the PID in its pid file; the script's watchdog
/// stops it if this process dies first.
struct PostgresFixture: Sendable {
    static let portVariable = "SSO_BENCH_POSTGRES_PORT"

    let port: Int
    /// The cluster folder when this process started the server; `nil` when scripts/bench did.
    let directory: URL?

    /// The fixture's user, password (test-only) and database, as start.sh creates them.
    var url: String { "postgres://sso:sso-test-only@127.0.0.1:\(port)/sso?sslmode=disable" }

    static var scripts: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appending(path: "scripts/pg-fixture")
    }

    static func acquire() throws -> PostgresFixture {
        if let text = ProcessInfo.processInfo.environment[portVariable], let port = Int(text) {
            return PostgresFixture(port: port, directory: nil)
        }
        let directory = FileManager.default.temporaryDirectory.appending(path: "sso-bench-pg-\(Keys.process)")
        let output = try shell(
            scripts.appending(path: "start.sh").path, directory.path, environment: ["FIXTURE_OWNER_PID": "\(getpid())"])
        let fields = output.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard fields.count == 2 else { throw BenchmarkFailure("PostgreSQL did not start: \(output)") }
        return PostgresFixture(port: fields[1], directory: directory)
    }

    /// Stops the server if this process started it.
    func release() {
        guard let directory else { return }
        _ = try? Self.shell(Self.scripts.appending(path: "stop.sh").path, directory.path)
    }

    /// Runs a script through `system(3)`, which reaps its child itself, and returns its standard
    /// output. The output goes through a file: the server and the watchdog the script leaves
    /// running inherit the process's descriptors, so a pipe would never reach its end.
    private static func shell(_ script: String, _ argument: String, environment: [String: String] = [:]) throws
        -> String
    {
        func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let capture = FileManager.default.temporaryDirectory.appending(path: "sso-bench-fixture-\(Keys.unique()).out")
        defer { try? FileManager.default.removeItem(at: capture) }
        let assignments = environment.map { "\($0.key)=\(quote($0.value))" }.joined(separator: " ")
        let status = system(
            "\(assignments) /bin/sh \(quote(script)) \(quote(argument)) >\(quote(capture.path)) </dev/null")
        let text = (try? String(contentsOf: capture, encoding: .utf8)) ?? ""
        guard status == 0 else { throw BenchmarkFailure("\(script) failed (\(status)): \(text)") }
        return text
    }
}
