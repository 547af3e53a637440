import ArgumentParser
import Foundation
import Logging
import Sso
import SsoAsyncHTTPClient
import SsoCore

/// `sso-example-server`: the reference's "Full Enterprise SSO Flow Example" on Hummingbird.
@main
struct SsoExampleServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sso-example-server",
        abstract: "Enterprise SSO (OIDC, SAML, LDAP) for one organization, with a browser flow and an admin API.",
        discussion: """
            Environment: SSO_SECRETS_KEY (required: 32 random bytes, base64; seals stored secrets and \
            signs cookies), SSO_ADMIN_TOKEN (the admin API's bearer token; unset disables the admin API), \
            SSO_ORGANIZATION_ID (default org_default), SSO_EXTRA_CA_FILE (PEM CAs to trust for IdPs), \
            LOG_LEVEL (default info).
            """)

    @Option(help: "The port to listen on.") var port: Int
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The store: sqlite:PATH or postgres://user:password@host:port/database.")
    var store: String?
    @Option(
        name: .customLong("public-url"),
        help: "The URL browsers and IdPs reach this server at (default http://HOST:PORT).")
    var publicURL: String?

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel =
                ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
            return handler
        }
        let logger = Logger(label: "sso-example-server")
        do {
            let settings = try ServerSettings(host: host, port: port, store: store, publicURL: publicURL)
            try await AsyncHTTPClientTransport.withTransport(
                configuration: try settings.transportConfiguration(), logger: logger
            ) { transport in
                try await ExampleServer(settings: settings, httpTransport: transport, logger: logger).run()
            }
        } catch let error as SsoError {
            logger.critical("sso-example-server cannot start", metadata: ["sso.error_code": "\(error.code.rawValue)"])
            FileHandle.standardError.write(Data("sso-example-server: \(error.message) [\(error.code.rawValue)]\n".utf8))
            throw ExitCode.failure
        }
    }
}
