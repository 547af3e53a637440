import ArgumentParser
import Foundation
import Sso
import SsoCore

/// A child process for the multi-process store tests (`Tests/SsoReplicaTests`): two processes
/// over one store, and a process killed with SIGKILL in the middle of a write. Test tooling only.
///
/// Every command prints one JSON object per line and flushes it, so a parent can read progress
/// while the process runs.
@main struct SsoStoreWorkload: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "SsoStoreWorkload",
        subcommands: [StartLogin.self, Callback.self, CreateConnections.self, Logins.self])
}

struct StoreOptions: ParsableArguments {
    @Option(help: "sqlite:PATH or postgres://…") var store: String
    @Option(help: "wall-clock seconds since 1970 to wait for after opening the store") var at: Double?

    /// Opens the store, waits for `--at`, runs `body` and closes the store on every path. A
    /// failure is printed as `{"error":…,"message":…}` and exits 1, never as a crash.
    func using<T>(_ body: (WorkloadStore) async throws -> T) async throws -> T {
        let store: WorkloadStore
        do {
            store = try await WorkloadStore.open(self.store)
        } catch {
            throw Self.failed(error)
        }
        do {
            if let at {
                let wait = at - Date().timeIntervalSince1970
                if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
            }
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw Self.failed(error)
        }
    }

    private static func failed(_ error: any Error) -> ExitCode {
        let code = (error as? SsoError)?.code.rawValue ?? "workload.failed"
        emit(["error": code, "message": (error as? SsoError)?.message ?? "\(error)"])
        return ExitCode(1)
    }
}

func emit(_ object: [String: any Sendable]) {
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    FileHandle.standardOutput.write(data + Data("\n".utf8))
}

/// Starts a SAML login for `--email` and prints the IdP redirect URL.
struct StartLogin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start-login")
    @OptionGroup var options: StoreOptions
    @Option var org: String
    @Option var email: String

    func run() async throws {
        try await options.using { store in
            let login = try await SsoEngine(stores: store.stores).organization(org).getLoginURL(domain: email)
            emit(["authorize_url": login.authorizeURL])
        }
    }
}

/// Posts a SAMLResponse as the ACS route would; prints the outcome (exit 0 signed in, 3 refused).
struct Callback: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "callback")
    @OptionGroup var options: StoreOptions
    @Option var response: String
    @Option var relayState: String?
    @Option(help: "the ACS's connection, for IdP-initiated responses") var connection: String?

    func run() async throws {
        let signedIn = try await options.using { store in
            let engine = SsoEngine(stores: store.stores)
            do {
                let result =
                    if let connection {
                        try await engine.handleSamlCallback(
                            samlResponse: response, relayState: relayState, connectionID: connection)
                    } else {
                        try await engine.handleSamlCallback(samlResponse: response, relayState: relayState)
                    }
                emit(["ok": true, "session_id": result.sessionID ?? "", "developer_id": result.developerID])
                return true
            } catch {
                emit(["ok": false, "code": (error as? SsoError)?.code.rawValue ?? "workload.failed"])
                return false
            }
        }
        if !signedIn { throw ExitCode(3) }
    }
}

/// Creates `--count` connections of three domains each, printing each id once it is stored.
struct CreateConnections: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create-connections")
    @OptionGroup var options: StoreOptions
    @Option var org: String
    @Option var count: Int
    @Option var prefix: String
    @Option(help: "the folder of the fixture IdP keys") var keys: String

    func run() async throws {
        try await options.using { store in
            let organization = try SsoEngine(stores: store.stores).organization(org)
            let idp = try WorkloadIdP.provider(keys: keys)
            for index in 0..<count {
                let domains = ["a", "b", "c"].map { "\(prefix)\(index)-\($0).example" }
                let connection = try await organization.createConnection(
                    WorkloadIdP.connection(idp, name: "\(prefix)\(index)", domains: domains))
                emit(["index": index, "connection_id": connection.id])
            }
        }
    }
}

/// Completes `--count` SP-initiated SAML logins of `--users` rotating users at `--domain`.
struct Logins: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logins")
    @OptionGroup var options: StoreOptions
    @Option var org: String
    @Option var domain: String
    @Option var count: Int
    @Option var users: Int
    @Option(help: "the folder of the fixture IdP keys") var keys: String

    func run() async throws {
        try await options.using { store in
            let organization = try SsoEngine(stores: store.stores).organization(org)
            let idp = try WorkloadIdP.provider(keys: keys)
            for index in 0..<count {
                let email = "user\(index % max(users, 1))@\(domain)"
                let login = try await organization.getLoginURL(domain: email)
                let post = try idp.respond(to: login, as: WorkloadIdP.user(email))
                let result = try await organization.handleSamlCallback(
                    samlResponse: post.samlResponse, relayState: post.relayState)
                emit(["index": index, "session_id": result.sessionID ?? "", "email": email])
            }
        }
    }
}
