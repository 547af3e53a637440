import ArgumentParser
import Foundation

@main
struct SsoCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssoctl",
        abstract: "Inspect and exercise swift-sso: SAML, OIDC, LDAP and the whole enterprise flow.",
        subcommands: [
            Demo.self, OIDCCommand.self, JOSECommand.self, SAMLCommand.self, LDAPCommand.self, StoreCommand.self,
        ]
    )

    /// Like ArgumentParser's default, except that usage errors exit with 2 (the documented
    /// contract), not 64, and so does a command group given without a subcommand.
    static func main() async {
        do {
            var command = try parseAsRoot()
            let parsedType = type(of: command)
            if !parsedType.configuration.subcommands.isEmpty {
                FileHandle.standardError.write(Data((helpMessage(for: parsedType) + "\n").utf8))
                Foundation.exit(2)
            }
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
