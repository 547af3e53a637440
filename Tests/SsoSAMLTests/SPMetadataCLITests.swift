import Foundation
import SsoCore
import SsoTesting
import Testing
@testable import SsoSAML

/// `ssoctl saml sp-metadata`: the XML it prints, and the refusals.
@Suite("ssoctl saml sp-metadata")
struct SPMetadataCLITests {
    static let entityID = "https://sp.example.com/saml/metadata"
    static let acsURL = "https://sp.example.com/saml/acs"
    static let base = ["sp-metadata", "--sp-entity-id", entityID, "--acs-url", acsURL]

    /// The printed document, parsed by the hardened parser (well-formed, no DTD), and its SPSSODescriptor.
    private func descriptor(_ run: SAMLCLIRunner.Run) throws -> (root: SAMLXMLElement, sp: SAMLXMLElement) {
        let root = try HardenedXMLParser.parse(Array(run.text.utf8)).root
        #expect(root.is(SAMLNamespace.metadata, "EntityDescriptor"))
        let sp = try #require(root.firstChild(SAMLNamespace.metadata, "SPSSODescriptor"))
        return (root, sp)
    }

    private func keyDescriptorCertificate(_ sp: SAMLXMLElement, use: String) -> String? {
        sp.children(SAMLNamespace.metadata, "KeyDescriptor").first { $0.attribute("use") == use }?
            .descendants(SAMLNamespace.xmlDSig, "X509Certificate").first?.textContent
    }

    private func derBase64(_ pemPath: String) throws -> String {
        Base64.encode(try SAMLCertificate(pem: try SAMLFixtures.text(pemPath)).derBytes)
    }

    @Test func minimalMetadataHasTheEntityAndPostACS() async throws {
        let run = try await SAMLCLIRunner.run(Self.base)
        #expect(run.status == 0)
        #expect(run.outcome.errorText.isEmpty)
        let (root, sp) = try descriptor(run)
        #expect(root.attribute("entityID") == Self.entityID)
        let acs = try #require(sp.firstChild(SAMLNamespace.metadata, "AssertionConsumerService"))
        #expect(acs.attribute("Binding") == SAMLBinding.httpPost)
        #expect(acs.attribute("Location") == Self.acsURL)
        #expect(sp.attribute("AuthnRequestsSigned") == "false")
        #expect(sp.attribute("WantAssertionsSigned") == "true")
        #expect(sp.children(SAMLNamespace.metadata, "KeyDescriptor").isEmpty)
        #expect(sp.children(SAMLNamespace.metadata, "NameIDFormat").isEmpty)
    }

    @Test func certificatesFlagAndNameIDFormatAreDeclared() async throws {
        let run = try await SAMLCLIRunner.run(
            Self.base + [
                "--signing-cert", SAMLCLIRunner.fixture("keys/sp-cert.pem"),
                "--encryption-cert", SAMLCLIRunner.fixture("keys/adfs-encryption-cert.pem"),
                "--want-assertions-signed", "--name-id-format", "persistent",
            ])
        #expect(run.status == 0)
        let (_, sp) = try descriptor(run)
        #expect(sp.attribute("AuthnRequestsSigned") == "true")
        #expect(sp.attribute("WantAssertionsSigned") == "true")
        #expect(keyDescriptorCertificate(sp, use: "signing") == (try derBase64("keys/sp-cert.pem")))
        #expect(keyDescriptorCertificate(sp, use: "encryption") == (try derBase64("keys/adfs-encryption-cert.pem")))
        #expect(sp.children(SAMLNamespace.metadata, "NameIDFormat").map(\.textContent) == [SAMLNameIDFormat.persistent])
    }

    @Test(arguments: ["emailAddress", "persistent", "transient", "unspecified"])
    func shortNameIDFormatsBecomeURNs(_ name: String) async throws {
        let run = try await SAMLCLIRunner.run(Self.base + ["--name-id-format", name])
        let (_, sp) = try descriptor(run)
        let format = try #require(sp.firstChild(SAMLNamespace.metadata, "NameIDFormat")?.textContent)
        #expect(format.hasPrefix("urn:oasis:names:tc:SAML:") && format.hasSuffix(":nameid-format:\(name)"))
        let urn = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity"
        let full = try await SAMLCLIRunner.run(Self.base + ["--name-id-format", urn])
        #expect(try descriptor(full).sp.firstChild(SAMLNamespace.metadata, "NameIDFormat")?.textContent == urn)
    }

    /// What an IdP admin does with the printed metadata: take its signing certificate and verify
    /// the SP's signed requests with it.
    @Test func theDeclaredSigningCertificateVerifiesSignedRequests() async throws {
        let printed = try await SAMLCLIRunner.run(
            Self.base + ["--signing-cert", SAMLCLIRunner.fixture("keys/sp-cert.pem")])
        let declared = try #require(keyDescriptorCertificate(try descriptor(printed).sp, use: "signing"))
        var idp = try TestSAMLIdentityProvider(
            privateKeyPEM: try SAMLFixtures.text("keys/okta-key.pem"),
            certificatePEM: try SAMLFixtures.text("keys/okta-cert.pem"), clock: TestClock(SAMLFixtures.fixedNow))
        idp.wantAuthnRequestsSigned = true
        idp.spSigningCertificate = try SAMLCertificate(derBytes: try Base64.decode(declared))
        let request = try await SAMLCLIRunner.run(
            [
                "authn-request", "--idp-metadata", "-", "--sp-entity-id", Self.entityID, "--acs-url", Self.acsURL,
                "--signing-key", SAMLCLIRunner.fixture("keys/sp-key.pem"),
                "--signing-cert", SAMLCLIRunner.fixture("keys/sp-cert.pem"),
            ], stdin: Data(idp.metadataXML().utf8))
        let url = try #require(request.json?["url"] as? String)
        #expect(try idp.receive(redirectURL: url).signatureVerified)
    }

    @Test(arguments: [
        (["--sp-entity-id", "https://sp.example.com/\u{1}"], "saml.request.invalid_setting"),
        (
            ["--sp-entity-id", "https://sp.example.com/" + String(repeating: "x", count: 1100)],
            "saml.request.invalid_setting"
        ),
        (["--acs-url", "http://sp.example.com/saml/acs"], "saml.request.invalid_setting"),
        (["--acs-url", "/saml/acs"], "saml.request.invalid_setting"),
        (["--signing-cert", "/nonexistent/sp-cert.pem"], "cli.input_unreadable"),
        (["--signing-cert", SAMLCLIRunner.fixture("keys/sp-key.pem")], "saml.certificate.malformed"),
        (["--encryption-cert", SAMLCLIRunner.fixture("okta/metadata.xml")], "saml.certificate.malformed"),
        (["--encryption-cert", SAMLCLIRunner.fixture("keys/ec-p256-cert.pem")], "saml.request.invalid_setting"),
    ])
    func badInputIsRefusedWithItsCode(_ change: [String], _ code: String) async throws {
        var arguments = Self.base
        if let index = arguments.firstIndex(of: change[0]) {
            arguments[index + 1] = change[1]
        } else {
            arguments += change
        }
        let run = try await SAMLCLIRunner.run(arguments)
        #expect(run.status == 1)
        #expect(run.json?["ok"] as? Bool == false)
        #expect(run.errorCode == code)
        #expect(!run.text.contains("<md:EntityDescriptor"))
        // No PEM text (key material) is echoed back, only the block's type.
        #expect(!run.text.contains("-----BEGIN"))
        let keyLine = try #require(try SAMLFixtures.text("keys/sp-key.pem").split(separator: "\n").dropFirst().first)
        #expect(!run.text.contains(keyLine))
    }

    @Test func usageErrorsExitTwo() async throws {
        #expect(
            try await SAMLCLIRunner.run(["sp-metadata", "--sp-entity-id", "", "--acs-url", Self.acsURL]).status == 2)
        #expect(
            try await SAMLCLIRunner.run(["sp-metadata", "--sp-entity-id", Self.entityID, "--acs-url", ""]).status == 2)
        #expect(try await SAMLCLIRunner.run(["sp-metadata", "--sp-entity-id", Self.entityID]).status == 2)
        #expect(try await SAMLCLIRunner.run(Self.base + ["--name-id-format", ""]).status == 2)
        #expect(try await SAMLCLIRunner.run(Self.base + ["--want-assertions-signed=no"]).status == 2)
    }
}
