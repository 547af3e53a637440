import Foundation

/// The throwaway slapd of the demo, started with the test fixture scripts
/// (`scripts/ldap-fixture/start.sh`) on 127.0.0.1 and free ports, and stopped at the end. The
/// start script's watchdog also stops it if this process dies first.
struct DemoLDAPServer: Sendable {
    let directory: URL
    let root: URL
    let port: Int

    var url: String { "ldap://127.0.0.1:\(port)" }
    var caPEM: String? { try? String(contentsOf: directory.appending(path: "certs/ca.crt"), encoding: .utf8) }

    /// The package root: the current directory when it holds the fixture scripts (`swift run`
    /// from the root), else the root this file was compiled in.
    static func packageRoot() -> URL? {
        let script = "scripts/ldap-fixture/start.sh"
        let candidates = [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent(),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.appending(path: script).path) }
    }

    /// Why slapd cannot run here, or `nil` when it can.
    static func unavailableReason() -> String? {
        guard packageRoot() != nil else {
            return "the LDAP fixture scripts (scripts/ldap-fixture) were not found; run the demo from the package root"
        }
        let paths = [
            "/usr/sbin/slapd", "/usr/local/sbin/slapd", "/usr/local/libexec/slapd", "/opt/homebrew/libexec/slapd",
        ]
        let inPath = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/slapd" }
        guard (paths + inPath).contains(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return "slapd is not installed (scripts/setup installs it: apt-get install slapd ldap-utils)"
        }
        return nil
    }

    /// Starts a server; throws with the script's message when it cannot.
    static func start() async throws -> DemoLDAPServer {
        guard let root = packageRoot() else { throw DemoError("the LDAP fixture scripts were not found") }
        let directory = FileManager.default.temporaryDirectory.appending(
            path: "ssoctl-demo-ldap-\(UUID().uuidString.prefix(8))")
        let (status, output, errors) = await command(
            ["/bin/sh", root.appending(path: "scripts/ldap-fixture/start.sh").path, directory.path],
            environment: ["FIXTURE_OWNER_PID": "\(getpid())"])
        let fields = output.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard status == 0, fields.count == 3 else {
            throw DemoError("slapd did not start: \(errors.split(separator: "\n").last ?? "exit \(status)")")
        }
        return DemoLDAPServer(directory: directory, root: root, port: fields[1])
    }

    /// Stops the server and removes its directory.
    func stop() async {
        _ = await Self.command(["/bin/sh", root.appending(path: "scripts/ldap-fixture/stop.sh").path, directory.path])
    }

    /// Runs a command through `system(3)` on its own thread (never blocking the cooperative pool);
    /// returns the exit status, stdout and stderr.
    static func command(_ arguments: [String], environment: [String: String] = [:]) async -> (Int32, String, String) {
        func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let capture = FileManager.default.temporaryDirectory.appending(path: "ssoctl-demo-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: capture + ".out")
            try? FileManager.default.removeItem(atPath: capture + ".err")
        }
        let assignments = environment.map { "\($0.key)=\(quote($0.value))" }.joined(separator: " ")
        let line =
            "\(assignments) \(arguments.map(quote).joined(separator: " ")) >\(quote(capture + ".out")) 2>\(quote(capture + ".err")) </dev/null"
        let status: Int32 = await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: system(line)) }.start()
        }
        let output = (try? String(contentsOfFile: capture + ".out", encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: capture + ".err", encoding: .utf8)) ?? ""
        return ((status >> 8) & 0xFF, output, errors)
    }
}

/// A demo setup failure.
struct DemoError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
