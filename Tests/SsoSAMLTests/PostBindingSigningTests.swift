import Foundation
import SsoCore
import SsoTesting
import Testing
@testable import SsoSAML

/// HTTP-POST AuthnRequests with enveloped XML signatures, checked by the test IdP (SsoSAML's
/// verifier) and by the independent `xmlsec1` command-line tool.
@Suite struct PostBindingSigningTests {
    private let clock = TestClock(SAMLFixtures.fixedNow)

    private struct Setup {
        var idp: TestSAMLIdentityProvider
        let metadata: IdPMetadata
        let sp: SAMLServiceProvider
        let key: SAMLRequestSigningKey
        let certificate: SAMLCertificate
    }

    private func setUp(wantSigned: Bool = true) throws -> Setup {
        var idp = try TestSAMLIdentityProvider(
            privateKeyPEM: try SAMLFixtures.text("keys/okta-key.pem"),
            certificatePEM: try SAMLFixtures.text("keys/okta-cert.pem"), clock: clock)
        let certificate = try SAMLCertificate(pem: try SAMLFixtures.text("keys/sp-cert.pem"))
        idp.wantAuthnRequestsSigned = wantSigned
        idp.spSigningCertificate = certificate
        let sp = try SAMLServiceProvider(
            entityID: "https://sp.example.com/saml/metadata", acsURL: "https://sp.example.com/saml/acs",
            nameIDFormat: SAMLNameIDFormat.emailAddress, signingCertificate: certificate)
        let key = try SAMLRequestSigningKey(pem: try SAMLFixtures.text("keys/sp-key.pem"))
        return Setup(idp: idp, metadata: try idp.metadata(), sp: sp, key: key, certificate: certificate)
    }

    private func login(_ s: Setup, relayState: String? = "relay-1", signed: Bool = true) throws -> SAMLPostLogin {
        try s.sp.postLogin(
            to: s.metadata, relayState: relayState, clock: clock, random: SystemRandomSource(),
            signingKey: signed ? s.key : nil)
    }

    /// The value of the hidden form field `name`, as it appears in the HTML.
    private func field(_ name: String, in html: String) throws -> String {
        let marker = "name=\"\(name)\" value=\""
        let start = try #require(html.range(of: marker)).upperBound
        let end = try #require(html[start...].firstIndex(of: "\""))
        return String(html[start..<end])
    }

    private func refusal(_ s: Setup, xml: String) -> String? {
        do {
            _ = try s.idp.receive(postedSAMLRequest: Base64.encode(Array(xml.utf8)), relayState: nil)
            return nil
        } catch {
            return error.code.rawValue
        }
    }

    @Test func signedPostRequestRoundTripsThroughTheTestIdP() async throws {
        let s = try setUp()
        let login = try login(s)
        #expect(login.request.isSigned)
        #expect(login.relayState == "relay-1")
        let received = try s.idp.receive(
            postedSAMLRequest: try field("SAMLRequest", in: login.formHTML), relayState: login.relayState)
        #expect(received.signatureVerified)
        #expect(received.id == login.request.id)
        #expect(received.issuer == s.sp.entityID)
        #expect(received.assertionConsumerServiceURL == s.sp.acsURL)
        #expect(received.relayState == "relay-1")
        let validator = SAMLResponseValidator(
            configuration: .init(
                idpEntityID: s.metadata.entityID, idpSigningKeys: try SAMLSigningKeySet(metadata: s.metadata),
                spEntityID: s.sp.entityID, acsURL: s.sp.acsURL),
            replayCache: InMemoryReplayCache(), clock: clock)
        let response = try s.idp.responseBase64(to: received, user: TestSAMLUser(nameID: "alice@example.com"))
        let result = try await validator.validate(response, expectedRequestID: login.request.id)
        #expect(result.inResponseTo == login.request.id)
    }

    @Test func signatureFollowsIssuerAndReferencesTheRequestID() throws {
        let s = try setUp()
        let request = try login(s).request
        #expect(!request.xml.hasPrefix("<?xml"))
        let root = try HardenedXMLParser.parse(request.xml).root
        let children = root.children
        try #require(children.count == 3)
        #expect(children[0].is(SAMLNamespace.assertion, "Issuer"))
        #expect(children[1].is(SAMLNamespace.xmlDSig, "Signature"))
        #expect(children[2].is(SAMLNamespace.protocol, "NameIDPolicy"))
        let ds = SAMLNamespace.xmlDSig
        let reference = try #require(children[1].descendants(ds, "Reference").first)
        #expect(reference.attribute("URI") == "#" + request.id)
        #expect(
            reference.descendants(ds, "Transform").map { $0.attribute("Algorithm") ?? "" } == [
                "http://www.w3.org/2000/09/xmldsig#enveloped-signature", "http://www.w3.org/2001/10/xml-exc-c14n#",
            ])
        #expect(
            children[1].descendants(ds, "SignatureMethod").first?.attribute("Algorithm")
                == SAMLRequestSigningKey.rsaSHA256)
        let embedded = try #require(children[1].descendants(ds, "X509Certificate").first?.textContent)
        #expect(try Base64.decode(embedded, allowWhitespace: true) == s.certificate.derBytes)
        let signatureValue = children[1].descendants(ds, "SignatureValue").first?.textContent ?? ""
        #expect(signatureValue.count > 300)
    }

    @Test func tamperedSignedRequestsAreRefused() throws {
        let s = try setUp()
        let request = try login(s).request
        #expect(refusal(s, xml: request.xml) == nil)
        let otherACS = request.xml.replacingOccurrences(
            of: "AssertionConsumerServiceURL=\"https://sp.example.com/saml/acs\"",
            with: "AssertionConsumerServiceURL=\"https://evil.example/acs\"")
        #expect(otherACS != request.xml)
        #expect(refusal(s, xml: otherACS) == "saml.signature.invalid")
        let otherID = request.xml.replacingOccurrences(of: "ID=\"\(request.id)\"", with: "ID=\"_other\"")
        #expect(otherID != request.xml)
        #expect(refusal(s, xml: otherID) == "saml.signature.reference_invalid")
        // The same signature after NameIDPolicy breaks the schema order an IdP checks.
        let start = try #require(request.xml.range(of: "<ds:Signature"))
        let end = try #require(request.xml.range(of: "</ds:Signature>"))
        let signature = String(request.xml[start.lowerBound..<end.upperBound])
        var moved = request.xml
        moved.removeSubrange(start.lowerBound..<end.upperBound)
        moved = moved.replacingOccurrences(of: "</samlp:AuthnRequest>", with: signature + "</samlp:AuthnRequest>")
        #expect(refusal(s, xml: moved) == "saml.input.invalid")
    }

    @Test func unsignedRequestIsRefusedWhenTheIdPWantsSignedOnes() throws {
        let s = try setUp()
        let unsigned = try login(s, signed: false)
        #expect(!unsigned.request.isSigned)
        #expect(!unsigned.request.xml.contains("Signature"))
        #expect(refusal(s, xml: unsigned.request.xml) == "saml.signature.missing")
        let lenient = try setUp(wantSigned: false)
        let received = try lenient.idp.receive(
            postedSAMLRequest: try field("SAMLRequest", in: unsigned.formHTML), relayState: nil)
        #expect(!received.signatureVerified)
        #expect(received.id == unsigned.request.id)
    }

    @Test func wrongCertificateIsRefused() throws {
        var s = try setUp()
        let request = try login(s).request
        s.idp.spSigningCertificate = try SAMLCertificate(pem: try SAMLFixtures.text("keys/adfs-cert.pem"))
        #expect(refusal(s, xml: request.xml) == "saml.signature.invalid")
        let other = try SAMLCertificate(pem: try SAMLFixtures.text("keys/okta-cert.pem"))
        let error = #expect(throws: SsoError.self) {
            try s.sp.postLogin(
                to: s.metadata, relayState: nil, clock: clock, random: SystemRandomSource(), signingKey: s.key,
                signingCertificate: other)
        }
        #expect(error?.code == .samlRequestInvalidSetting)
    }

    @Test func missingPostEndpointIsTyped() throws {
        let s = try setUp()
        let xml = s.idp.metadataXML().replacingOccurrences(
            of: "Binding=\"\(SAMLBinding.httpPost)\"", with: "Binding=\"\(SAMLBinding.soap)\"")
        let metadata = try IdPMetadata.parse(Array(xml.utf8), now: clock.now)
        #expect(metadata.ssoService(binding: SAMLBinding.httpRedirect) != nil)
        let error = #expect(throws: SsoError.self) {
            try s.sp.postLogin(
                to: metadata, relayState: nil, clock: clock, random: SystemRandomSource(), signingKey: s.key)
        }
        #expect(error?.code == .samlRequestNoEndpoint)
    }

    @Test func formCarriesTheSignedRequestAndEscapedRelayState() throws {
        let s = try setUp()
        let login = try login(s, relayState: "<a href=\"x\">&'")
        #expect(try field("SAMLRequest", in: login.formHTML) == Base64.encode(Array(login.request.xml.utf8)))
        #expect(try field("RelayState", in: login.formHTML) == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
        #expect(login.formHTML.contains("action=\"\(s.idp.ssoURL)\""))
        // The existing entry point signs too, and the Redirect binding drops the XML signature.
        let unsigned = try s.sp.makeAuthnRequest(
            to: s.metadata, binding: SAMLBinding.httpPost, clock: clock, random: SystemRandomSource())
        let html = try SAMLPostBinding.formHTML(for: unsigned, relayState: nil, signingKey: s.key)
        let posted = try s.idp.receive(postedSAMLRequest: try field("SAMLRequest", in: html), relayState: nil)
        #expect(posted.signatureVerified)
        #expect(posted.id == unsigned.id)
        let signed = try unsigned.signed(with: s.key, certificate: nil)
        #expect(signed.isSigned && !signed.xml.contains("KeyInfo"))
        let url = try SAMLRedirectBinding.url(for: signed)
        #expect(url.contains("SAMLRequest="))
        #expect(try SAMLRedirectBinding.url(for: unsigned) == url)
    }

    @Test func xmlsec1VerifiesASignedRequest() async throws {
        let s = try setUp()
        let request = try login(s).request
        let directory = NSTemporaryDirectory() + "sso-post-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let good = "\(directory)/signed.xml"
        let bad = "\(directory)/tampered.xml"
        try Data(request.xml.utf8).write(to: URL(fileURLWithPath: good))
        try Data(
            request.xml.replacingOccurrences(of: "https://sp.example.com/saml/acs", with: "https://x.example/a").utf8
        )
        .write(to: URL(fileURLWithPath: bad))
        let certificate = SAMLFixtures.root.appendingPathComponent("keys/sp-cert.pem").path
        func verify(_ path: String) async throws {
            try await TestTools.run([
                "xmlsec1", "--verify", "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:protocol:AuthnRequest",
                "--pubkey-cert-pem", certificate, path,
            ])
        }
        try await verify(good)
        await #expect(throws: TestTools.Failure.self) { try await verify(bad) }
    }
}
