import ArgumentParser

struct SAMLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "saml",
        abstract: "Validate SAML responses, read IdP metadata, print SP metadata, build AuthnRequests.",
        subcommands: [
            SAMLValidateCommand.self, SAMLMetadataCommand.self, SAMLSPMetadataCommand.self,
            SAMLAuthnRequestCommand.self,
        ]
    )
}
