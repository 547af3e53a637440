import ArgumentParser

struct SAMLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "saml",
        abstract: "Validate SAML responses, read metadata, build AuthnRequests.",
        subcommands: [SAMLValidateCommand.self, SAMLMetadataCommand.self, SAMLAuthnRequestCommand.self]
    )
}
