import ArgumentParser
import Foundation
import SsoCore
import SsoSAML

/// `ssoctl saml authn-request`: builds an AuthnRequest to the IdP in the metadata, optionally signed.
///
/// Redirect binding (default): `{"ok":true,"url":…,"requestID":…}`; with `--signing-key` the URL
/// carries `SigAlg` and `Signature` over `SAMLRequest=…&RelayState=…&SigAlg=…` (bindings §3.4.4.1).
/// POST binding: `{"ok":true,"requestID":…,"destination":…,"samlRequest":…,"relayState":…,
/// "formHTML":…}`, where `samlRequest` is the base64 form value; with `--signing-key` the request
/// carries an enveloped XML signature. Exit 1 with the error object when refused, 2 for a usage error.
struct SAMLAuthnRequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authn-request",
        abstract: "Build an AuthnRequest: a Redirect-binding URL or an HTTP-POST form, optionally signed.")

    /// The request binding: which IdP `SingleSignOnService` to use and how the request travels.
    enum Binding: String, ExpressibleByArgument, CaseIterable {
        case redirect
        case post
    }

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

    @Option(
        name: .customLong("name-id-format"),
        help: "The NameIDPolicy Format to request: a URN, or emailAddress, persistent, transient, unspecified.")
    var nameIDFormat: String?

    @Option(name: .customLong("binding"), help: "redirect (a URL, the default) or post (an auto-submitting form).")
    var binding: Binding = .redirect

    @Option(
        name: .customLong("signing-key"),
        help: "PEM file of the SP's RSA private key to sign the request with (needs --signing-cert).")
    var signingKey: String?

    @Option(
        name: .customLong("signing-cert"),
        help: "PEM file of the certificate of --signing-key, as the IdP has it (needs --signing-key).")
    var signingCert: String?

    func validate() throws {
        if spEntityID.isEmpty || acsURL.isEmpty {
            throw ValidationError("--sp-entity-id and --acs-url cannot be empty")
        }
        // The certificate is what the IdP verifies with: checking that it holds the key's public
        // half here catches the mismatch before an IdP refuses the login.
        if (signingKey == nil) != (signingCert == nil) {
            throw ValidationError("--signing-key and --signing-cert go together")
        }
    }

    func run() async throws {
        do {
            CommandOutput.succeed(try build())
        } catch {
            throw CommandOutput.reject(error)
        }
    }

    private func build() throws(SsoError) -> [String: Any] {
        let bytes = try CommandOutput.readInput(idpMetadata)
        let clock = SystemClock()
        let metadata = try IdPMetadata.parse(bytes, entityID: idpEntityID, now: clock.now)
        let signing = try signingPair()
        let serviceProvider = try SAMLServiceProvider(
            entityID: spEntityID, acsURL: acsURL, nameIDFormat: nameIDFormat.map(SAMLNameIDFormatArgument.urn),
            signingCertificate: signing?.certificate)
        switch binding {
        case .redirect:
            let request = try serviceProvider.makeAuthnRequest(to: metadata, clock: clock, random: SystemRandomSource())
            let url = try SAMLRedirectBinding.url(for: request, relayState: relayState, signingKey: signing?.key)
            return ["url": url, "requestID": request.id]
        case .post:
            let login = try serviceProvider.postLogin(
                to: metadata, relayState: relayState, clock: clock, random: SystemRandomSource(),
                signingKey: signing?.key, signingCertificate: signing?.certificate)
            return [
                "requestID": login.request.id,
                "destination": login.request.destination,
                "samlRequest": Base64.encode(Array(login.request.xml.utf8)),
                "relayState": login.relayState.map { $0 as Any } ?? NSNull(),
                "formHTML": login.formHTML,
            ]
        }
    }

    /// The signing key and its certificate, refused with the library's code when they do not match.
    private func signingPair() throws(SsoError) -> (key: SAMLRequestSigningKey, certificate: SAMLCertificate)? {
        guard let signingKey, let signingCert else { return nil }
        let key = try SAMLPEMFiles.signingKey(at: signingKey)
        let certificate = try SAMLPEMFiles.certificate(at: signingCert, role: "signing")
        guard key.matches(certificate) else {
            throw SsoError(
                .samlRequestInvalidSetting,
                "the signing certificate \(certificate.sha256Fingerprint) does not hold the public key of --signing-key"
            )
        }
        return (key, certificate)
    }
}
