import Foundation
import SsoTestSupport

/// Runs the `SsoStoreWorkload` child process (Tests/SsoStoreWorkload) against a store.
enum Workload {
    static let binary = SsoCtlBinary.executable(named: "SsoStoreWorkload")
    static let keys = LDAPTestServer.packageRoot.appending(path: "Fixtures/saml/keys").path

    /// Runs `command` to its end; returns the exit status and the printed JSON lines.
    static func run(_ command: String, _ store: ReplicaStore, _ arguments: [String]) async throws
        -> (status: Int32, lines: [[String: String]])
    {
        let outcome = try await ChildProcess.run(
            binary, [command, "--store", store.url] + arguments,
            environment: ProcessInfo.processInfo.environment.merging(ReplicaStore.childEnvironment) { $1 })
        return (outcome.status, outcome.outputText.split(separator: "\n").compactMap { json(String($0)) })
    }

    /// Starts `command` and returns the running child, to read its progress and kill it.
    static func start(_ command: String, _ store: ReplicaStore, _ arguments: [String]) throws -> RunningChild {
        try RunningChild(
            binary, [command, "--store", store.url] + arguments, environment: ReplicaStore.childEnvironment)
    }

    /// A printed JSON line with every value as text.
    static func json(_ line: String) -> [String: String]? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
            return nil
        }
        return object.mapValues { "\($0)" }
    }
}
