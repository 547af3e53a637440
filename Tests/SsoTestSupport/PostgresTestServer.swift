import Foundation

/// A throwaway PostgreSQL started by the tests themselves (scripts/pg-fixture/start.sh):
/// `initdb` in a temporary folder, the server on 127.0.0.1 and a free port, database `sso`.
/// ``stop()`` removes it; the script's watchdog kills it if the test process dies first.
public struct PostgresTestServer: Sendable {
    public let directory: URL
    public let port: Int
    public static let username = "sso"
    /// Test-only: the throwaway cluster's password.
    public static let password = "sso-test-only"
    public static let database = "sso"

    /// The server as a store URL (no TLS on loopback).
    public var url: String {
        "postgres://\(Self.username):\(Self.password)@127.0.0.1:\(port)/\(Self.database)?sslmode=disable"
    }

    private static var scripts: URL { LDAPTestServer.packageRoot.appending(path: "scripts/pg-fixture") }

    /// Starts a new cluster.
    public static func start() async throws -> PostgresTestServer {
        let directory = FileManager.default.temporaryDirectory.appending(path: "sso-pg-\(UUID().uuidString.prefix(8))")
        let port = try await launch(directory)
        return PostgresTestServer(directory: directory, port: port)
    }

    private static func launch(_ directory: URL) async throws -> Int {
        let output = try await LDAPTestServer.run(
            scripts.appending(path: "start.sh").path, [directory.path],
            environment: ["FIXTURE_OWNER_PID": "\(getpid())"])
        let fields = output.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard fields.count == 2 else { throw LDAPTestServer.FixtureError("postgres did not start: \(output)") }
        return fields[1]
    }

    /// Kills the server (SIGKILL, as a crash), keeping its data.
    public func kill() async throws {
        _ = try await LDAPTestServer.run(Self.scripts.appending(path: "pause.sh").path, [directory.path])
    }

    /// Starts the killed server again on the same port.
    public func restart() async throws {
        _ = try await Self.launch(directory)
    }

    /// Stops the server and removes its folder.
    public func stop() async {
        _ = try? await LDAPTestServer.run(Self.scripts.appending(path: "stop.sh").path, [directory.path])
    }

    /// Runs `pg_dump` of the database and returns its text.
    public func dump() async throws -> String {
        let bin = try FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql").sorted().last ?? "15"
        let (status, output, errors) = await LDAPTestServer.command(
            [
                "/usr/lib/postgresql/\(bin)/bin/pg_dump", "-h", "127.0.0.1", "-p", "\(port)", "-U", Self.username,
                Self.database,
            ], environment: ["PGPASSWORD": Self.password])
        guard status == 0 else { throw LDAPTestServer.FixtureError("pg_dump failed: \(errors)") }
        return output
    }
}
