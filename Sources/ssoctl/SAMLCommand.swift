import ArgumentParser

struct SAMLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "saml", abstract: "Validate SAML responses, read metadata, build AuthnRequests.", subcommands: [])
}
