import ArgumentParser
import Foundation
import SsoSAML

struct SAMLAuthnRequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authn-request", abstract: "Build a Redirect-binding AuthnRequest URL.")

    @Option(name: .customLong("idp-metadata"), help: "The IdP metadata XML file ('-' for standard input).")
    var idpMetadata: String

    @Option(name: .customLong("sp-entity-id"), help: "This SP's entity id (the request's Issuer).")
    var spEntityID: String

    @Option(name: .customLong("acs-url"), help: "This SP's Assertion Consumer Service URL (HTTP-POST).")
    var acsURL: String

    @Option(name: .customLong("relay-state"), help: "RelayState to carry through (at most 80 bytes).")
    var relayState: String?

    @Option(name: .customLong("idp-entity-id"), help: "The entity to pick from an EntitiesDescriptor.")
    var idpEntityID: String?

    @Option(name: .customLong("name-id-format"), help: "The NameIDPolicy Format to request.")
    var nameIDFormat: String?

    func validate() throws {
        if spEntityID.isEmpty || acsURL.isEmpty {
            throw ValidationError("--sp-entity-id and --acs-url cannot be empty")
        }
    }

    func run() async throws {
        do {
            let bytes = try CommandOutput.readInput(idpMetadata)
            let clock = SystemClock()
            let metadata = try IdPMetadata.parse(bytes, entityID: idpEntityID, now: clock.now)
            let serviceProvider = try SAMLServiceProvider(
                entityID: spEntityID, acsURL: acsURL, nameIDFormat: nameIDFormat)
            let request = try serviceProvider.makeAuthnRequest(to: metadata, clock: clock, random: SystemRandomSource())
            let url = try SAMLRedirectBinding.url(for: request, relayState: relayState)
            CommandOutput.succeed(["url": url, "requestID": request.id])
        } catch {
            throw CommandOutput.reject(error)
        }
    }
}
