import ArgumentParser
import Foundation
import SsoCore
import SsoSAML

/// `ssoctl saml sp-metadata`: prints this SP's metadata XML (``SAMLServiceProvider/metadataXML()``)
/// for an IdP admin to upload, without running a server.
///
/// Exit 0 with the XML on standard output. Like every `ssoctl` command, exit 1 with
/// `{"ok":false,"error":{"code":…,"message":…}}` on standard output when an input is refused (an
/// invalid entity id or ACS URL, an unreadable or non-certificate PEM), and 2 for a usage error.
struct SAMLSPMetadataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sp-metadata", abstract: "Print this SP's metadata XML (EntityDescriptor with SPSSODescriptor).")

    @Option(name: .customLong("sp-entity-id"), help: "This SP's entity id.")
    var spEntityID: String

    @Option(name: .customLong("acs-url"), help: "This SP's Assertion Consumer Service URL (HTTP-POST, https).")
    var acsURL: String

    @Option(
        name: .customLong("signing-cert"),
        help: "PEM file of the certificate that signs AuthnRequests (KeyDescriptor use=\"signing\").")
    var signingCert: String?

    @Option(
        name: .customLong("encryption-cert"),
        help: "PEM file of the certificate IdPs encrypt assertions to (KeyDescriptor use=\"encryption\").")
    var encryptionCert: String?

    /// Accepted so scripts can say what they want: swift-sso's SP metadata always declares
    /// `WantAssertionsSigned="true"`, so there is nothing to turn off.
    @Flag(
        name: .customLong("want-assertions-signed"),
        help: "Declare WantAssertionsSigned=\"true\" (always declared; accepted for explicitness).")
    var wantAssertionsSigned = false

    @Option(
        name: .customLong("name-id-format"),
        help: "The NameIDFormat to declare: a URN, or emailAddress, persistent, transient, unspecified.")
    var nameIDFormat: String?

    func validate() throws {
        if spEntityID.isEmpty || acsURL.isEmpty {
            throw ValidationError("--sp-entity-id and --acs-url cannot be empty")
        }
        if let nameIDFormat, nameIDFormat.isEmpty {
            throw ValidationError("--name-id-format cannot be empty")
        }
    }

    func run() async throws {
        let xml: String
        do {
            xml = try metadata()
        } catch {
            throw CommandOutput.reject(error)
        }
        FileHandle.standardOutput.write(Data(xml.utf8))
    }

    private func metadata() throws(SsoError) -> String {
        let signing = try signingCert.map { (path) throws(SsoError) in
            try SAMLPEMFiles.certificate(at: path, role: "signing")
        }
        let encryption = try encryptionCert.map { (path) throws(SsoError) in
            try SAMLPEMFiles.certificate(at: path, role: "encryption")
        }
        let serviceProvider = try SAMLServiceProvider(
            entityID: spEntityID, acsURL: acsURL, nameIDFormat: nameIDFormat.map(SAMLNameIDFormatArgument.urn),
            signingCertificate: signing, encryptionCertificate: encryption)
        return serviceProvider.metadataXML()
    }
}
