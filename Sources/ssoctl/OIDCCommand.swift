import ArgumentParser

struct OIDCCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oidc",
        abstract: "Validate OIDC ID tokens and discovery documents.",
        subcommands: [OIDCValidateIDTokenCommand.self, OIDCValidateDiscoveryCommand.self]
    )
}
