import ArgumentParser

struct SAMLMetadataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "metadata", abstract: "Print parsed IdP metadata as JSON.")
}
