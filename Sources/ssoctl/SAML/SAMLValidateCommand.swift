import ArgumentParser

struct SAMLValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Validate a SAML Response against IdP metadata or pinned certificates.")
}
