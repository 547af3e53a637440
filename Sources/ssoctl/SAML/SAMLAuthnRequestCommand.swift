import ArgumentParser

struct SAMLAuthnRequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "authn-request", abstract: "Build a Redirect-binding AuthnRequest URL.")
}
