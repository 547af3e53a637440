import Crypto
import Foundation
import SsoCore
import SsoTesting
import Testing
import _CryptoExtras
@testable import SsoSAML

@Suite struct ServiceProviderTests {
    private let clock = TestClock(SAMLFixtures.fixedNow)
    private let random = SPPatternRandom()

    private func serviceProvider(nameIDFormat: String? = SAMLNameIDFormat.emailAddress) throws(SsoError)
        -> SAMLServiceProvider
    {
        try SAMLServiceProvider(
            entityID: "https://sp.example.com/saml/metadata", acsURL: "https://sp.example.com/saml/acs",
            nameIDFormat: nameIDFormat)
    }

    private func idp(_ name: String = "okta") throws -> IdPMetadata {
        try IdPMetadata.parse(try SAMLFixtures.bytes("\(name)/metadata.xml"), now: SAMLFixtures.fixedNow)
    }

    /// The query parameters of `url`, percent-decoded, plus the raw query.
    private func query(_ url: String) throws -> (raw: String, values: [String: String]) {
        let components = try #require(URLComponents(string: url))
        let raw = try #require(components.percentEncodedQuery)
        var values: [String: String] = [:]
        for item in components.queryItems ?? [] { values[item.name] = item.value }
        return (raw, values)
    }

    /// Inflates the Redirect binding's SAMLRequest back into a parsed document.
    private func inflate(_ value: String) throws -> SAMLXMLDocument {
        let deflated = try Base64.decode(value)
        let xml = try RawDeflate.decompress(deflated)
        return try HardenedXMLParser.parse(xml)
    }

    @Test func authnRequestIDUsesTheInjectedRandomnessAndClock() throws {
        let request = try serviceProvider().makeAuthnRequest(to: try idp(), clock: clock, random: random)
        #expect(request.id == "_" + (0..<20).map { String(format: "%02x", 0xAB + $0) }.joined())
        #expect(request.id.count == 41)
        #expect(request.issueInstant == SAMLFixtures.fixedNow)
        let other = try serviceProvider().makeAuthnRequest(to: try idp(), clock: clock, random: SystemRandomSource())
        let third = try serviceProvider().makeAuthnRequest(to: try idp(), clock: clock, random: SystemRandomSource())
        #expect(other.id != third.id)
        #expect(other.id.hasPrefix("_"))
    }

    @Test func redirectBindingInflatesToTheRequest() throws {
        let metadata = try idp()
        let request = try serviceProvider().makeAuthnRequest(
            to: metadata, clock: clock, random: random, options: .init(forceAuthn: true))
        let url = try SAMLRedirectBinding.url(for: request, relayState: "state/with spaces&=")
        let expectedDestination = try #require(metadata.ssoService(binding: SAMLBinding.httpRedirect)?.location)
        #expect(url.hasPrefix(expectedDestination + "?SAMLRequest="))
        let (raw, values) = try query(url)
        #expect(values["RelayState"] == "state/with spaces&=")
        #expect(raw.contains("RelayState=state%2Fwith%20spaces%26%3D"))
        #expect(values["Signature"] == nil && values["SigAlg"] == nil)
        let root = try inflate(try #require(values["SAMLRequest"])).root
        #expect(root.is(SAMLNamespace.protocol, "AuthnRequest"))
        #expect(root.attribute("ID") == request.id)
        #expect(root.attribute("Version") == "2.0")
        #expect(root.attribute("IssueInstant") == "2026-03-29T12:00:00Z")
        #expect(root.attribute("Destination") == expectedDestination)
        #expect(root.attribute("AssertionConsumerServiceURL") == "https://sp.example.com/saml/acs")
        #expect(root.attribute("ProtocolBinding") == SAMLBinding.httpPost)
        #expect(root.attribute("ForceAuthn") == "true")
        #expect(
            root.firstChild(SAMLNamespace.assertion, "Issuer")?.textContent == "https://sp.example.com/saml/metadata")
        let policy = try #require(root.firstChild(SAMLNamespace.protocol, "NameIDPolicy"))
        #expect(policy.attribute("Format") == SAMLNameIDFormat.emailAddress)
        #expect(policy.attribute("AllowCreate") == "true")
    }

    @Test func destinationWithAQueryGetsAnAmpersand() throws {
        let request = try serviceProvider(nameIDFormat: nil).makeAuthnRequest(
            to: try idp("google-workspace"), clock: clock, random: random)
        let url = try SAMLRedirectBinding.url(for: request)
        #expect(url.hasPrefix("https://accounts.google.com/o/saml2/idp?idpid=C01abcd23&SAMLRequest="))
        let root = try inflate(try #require(try query(url).values["SAMLRequest"])).root
        #expect(root.firstChild(SAMLNamespace.protocol, "NameIDPolicy") == nil)
        #expect(root.attribute("ForceAuthn") == nil)
    }

    @Test func signedRedirectVerifiesOverTheExactQueryString() throws {
        let keyPEM = try SAMLFixtures.text("keys/sp-key.pem")
        let key = try SAMLRequestSigningKey(pem: keyPEM)
        let request = try serviceProvider().makeAuthnRequest(to: try idp(), clock: clock, random: random)
        let url = try SAMLRedirectBinding.url(for: request, relayState: "abc", signingKey: key)
        let (raw, values) = try query(url)
        #expect(values["SigAlg"] == "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256")
        let signatureRange = try #require(raw.range(of: "&Signature="))
        let signed = String(raw[..<signatureRange.lowerBound])
        #expect(signed.hasPrefix("SAMLRequest="))
        #expect(
            signed.contains("&RelayState=abc&SigAlg=http%3A%2F%2Fwww.w3.org%2F2001%2F04%2Fxmldsig-more%23rsa-sha256"))
        let signature = try Base64.decode(try #require(values["Signature"]))
        let publicKey = key.publicKey
        #expect(
            publicKey.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature),
                for: SHA256.hash(data: Array(signed.utf8)), padding: .insecurePKCS1v1_5))
        #expect(
            !publicKey.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature),
                for: SHA256.hash(data: Array((signed + "x").utf8)), padding: .insecurePKCS1v1_5))
        // The certificate in the fixtures belongs to this key.
        let certificate = try SAMLCertificate(pem: try SAMLFixtures.text("keys/sp-cert.pem"))
        #expect(certificate.publicKeyBits == key.publicKey.keySizeInBits)
        #expect(throws: SsoError.self) { try SAMLRequestSigningKey(pem: try SAMLFixtures.text("keys/okta-cert.pem")) }
    }

    @Test func relayStateIsLimitedTo80Bytes() throws {
        let request = try serviceProvider().makeAuthnRequest(to: try idp(), clock: clock, random: random)
        let max = String(repeating: "r", count: 80)
        #expect(try query(try SAMLRedirectBinding.url(for: request, relayState: max)).values["RelayState"] == max)
        for bad in [max + "r", String(repeating: "é", count: 41)] {
            do {
                _ = try SAMLRedirectBinding.url(for: request, relayState: bad)
                Issue.record("RelayState of \(bad.utf8.count) bytes must be refused")
            } catch {
                #expect(error.code == .samlRequestRelayStateTooLong)
            }
            #expect(throws: SsoError.self) { try SAMLPostBinding.formHTML(for: request, relayState: bad) }
        }
        #expect(throws: SsoError.self) { try SAMLRedirectBinding.url(for: request, relayState: "a\u{0}b") }
    }

    @Test func postBindingEscapesEverything() throws {
        let sp = try serviceProvider()
        let request = try AuthnRequest(
            serviceProvider: sp, destination: "https://idp.example.com/sso?a=1&b=\"><script>",
            clock: clock, random: random)
        let html = try SAMLPostBinding.formHTML(for: request, relayState: "<script>alert('x')</script>&")
        #expect(!html.contains("<script>"))
        #expect(html.contains("action=\"https://idp.example.com/sso?a=1&amp;b=&quot;&gt;&lt;script&gt;\""))
        #expect(html.contains("name=\"RelayState\" value=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;\""))
        #expect(html.contains("method=\"post\""))
        #expect(html.contains("document.forms[0].submit()"))
        let marker = "name=\"SAMLRequest\" value=\""
        let start = try #require(html.range(of: marker)).upperBound
        let end = try #require(html[start...].firstIndex(of: "\""))
        let xml = try Base64.decode(String(html[start..<end]))
        let root = try HardenedXMLParser.parse(xml).root
        #expect(root.attribute("Destination") == "https://idp.example.com/sso?a=1&b=\"><script>")
        #expect(root.attribute("ID") == request.id)
    }

    @Test func spMetadataIsWellFormedAndEscaped() throws {
        let signing = try SAMLCertificate(pem: try SAMLFixtures.text("keys/sp-cert.pem"))
        let sp = try SAMLServiceProvider(
            entityID: "https://sp.example.com/saml?tenant=a&b=<c>", acsURL: "https://sp.example.com/acs?x=1&y=\"2\"",
            nameIDFormat: SAMLNameIDFormat.persistent, signingCertificate: signing, encryptionCertificate: signing,
            singleLogoutURL: "https://sp.example.com/slo")
        let xml = sp.metadataXML()
        let root = try HardenedXMLParser.parse(xml).root
        #expect(root.is(SAMLNamespace.metadata, "EntityDescriptor"))
        #expect(root.attribute("entityID") == "https://sp.example.com/saml?tenant=a&b=<c>")
        let descriptor = try #require(root.firstChild(SAMLNamespace.metadata, "SPSSODescriptor"))
        #expect(descriptor.attribute("AuthnRequestsSigned") == "true")
        #expect(descriptor.attribute("WantAssertionsSigned") == "true")
        #expect(descriptor.attribute("protocolSupportEnumeration") == "urn:oasis:names:tc:SAML:2.0:protocol")
        let acs = try #require(descriptor.firstChild(SAMLNamespace.metadata, "AssertionConsumerService"))
        #expect(acs.attribute("Binding") == SAMLBinding.httpPost)
        #expect(acs.attribute("Location") == "https://sp.example.com/acs?x=1&y=\"2\"")
        #expect(
            descriptor.firstChild(SAMLNamespace.metadata, "NameIDFormat")?.textContent == SAMLNameIDFormat.persistent)
        let keys = descriptor.children(SAMLNamespace.metadata, "KeyDescriptor")
        #expect(keys.map { $0.attribute("use") } == ["signing", "encryption"])
        let certificateText = try #require(
            keys.first?.descendants(SAMLNamespace.xmlDSig, "X509Certificate").first?.textContent)
        #expect(try SAMLCertificate(base64: certificateText) == signing)
        #expect(
            descriptor.firstChild(SAMLNamespace.metadata, "SingleLogoutService")?.attribute("Location")
                == "https://sp.example.com/slo")
        // Element order follows the schema: KeyDescriptor, SingleLogoutService, NameIDFormat, AssertionConsumerService.
        #expect(
            descriptor.children.map(\.localName) == [
                "KeyDescriptor", "KeyDescriptor", "SingleLogoutService", "NameIDFormat",
                "AssertionConsumerService",
            ])
        let plain = try serviceProvider(nameIDFormat: nil).metadataXML()
        let plainDescriptor = try #require(
            try HardenedXMLParser.parse(plain).root.firstChild(SAMLNamespace.metadata, "SPSSODescriptor"))
        #expect(plainDescriptor.attribute("AuthnRequestsSigned") == "false")
        #expect(plainDescriptor.children.map(\.localName) == ["AssertionConsumerService"])
    }

    @Test func invalidSettingsAreRefused() throws {
        let cases: [(String, String)] = [
            ("", "https://sp.example.com/acs"),
            ("https://sp.example.com", "http://sp.example.com/acs"),
            ("https://sp.example.com", "/acs"),
            ("https://sp.example.com", "https://"),
            ("https://sp.example.com", "https://sp.example.com/a cs"),
            ("https://sp.example.com", "javascript:alert(1)"),
            ("https://sp.example.com", "https://sp.example.com/acs#fragment"),
            ("bad\u{1}entity", "https://sp.example.com/acs"),
            (String(repeating: "e", count: 2000), "https://sp.example.com/acs"),
        ]
        for (entityID, acsURL) in cases {
            do {
                _ = try SAMLServiceProvider(entityID: entityID, acsURL: acsURL)
                Issue.record("\(entityID.prefix(20)) / \(acsURL) must be refused")
            } catch {
                #expect(error.code == .samlRequestInvalidSetting)
            }
        }
        _ = try SAMLServiceProvider(entityID: "urn:sp", acsURL: "http://localhost:8080/acs")
        _ = try SAMLServiceProvider(entityID: "urn:sp", acsURL: "http://127.0.0.1/acs")
        #expect(throws: SsoError.self) {
            try SAMLServiceProvider(entityID: "urn:sp", acsURL: "http://localhost.evil.example/acs")
        }
    }

    @Test func missingEndpointIsTyped() throws {
        let xml = try SAMLFixtures.text("okta/metadata.xml")
            .replacingOccurrences(of: SAMLBinding.httpRedirect, with: SAMLBinding.soap)
        let metadata = try IdPMetadata.parse(Array(xml.utf8), now: SAMLFixtures.fixedNow)
        do {
            _ = try serviceProvider().makeAuthnRequest(to: metadata, clock: clock, random: random)
            Issue.record("no Redirect endpoint")
        } catch {
            #expect(error.code == .samlRequestNoEndpoint)
        }
        let post = try serviceProvider().makeAuthnRequest(
            to: metadata, binding: SAMLBinding.httpPost, clock: clock, random: random)
        #expect(post.destination == metadata.ssoService(binding: SAMLBinding.httpPost)?.location)
    }

    @Test func rawDeflateRoundTripsAndBoundsOutput() throws {
        let text = Array(String(repeating: "<samlp:AuthnRequest/>", count: 500).utf8)
        let compressed = try RawDeflate.compress(text)
        #expect(compressed.count < text.count / 10)
        #expect(compressed.first.map { $0 & 0x0F != 0x08 || compressed.count > 2 } == true)
        #expect(try RawDeflate.decompress(compressed) == text)
        #expect(throws: SsoError.self) { try RawDeflate.decompress(compressed, maxOutput: 1000) }
        #expect(throws: SsoError.self) { try RawDeflate.decompress([0xFF, 0xFF, 0xFF]) }
        #expect(try RawDeflate.decompress(try RawDeflate.compress([])) == [])
    }

    @Test func redirectLoginBundlesRequestAndURL() throws {
        let login = try serviceProvider().redirectLogin(
            to: try idp("onelogin"), relayState: "r1", clock: clock, random: random)
        #expect(login.url.hasPrefix("https://initech.onelogin.com/trust/saml2/http-redirect/sso/"))
        #expect(login.relayState == "r1")
        let root = try inflate(try #require(try query(login.url).values["SAMLRequest"])).root
        #expect(root.attribute("ID") == login.request.id)
        #expect(throws: SsoError.self) {
            try serviceProvider().redirectLogin(
                to: try idp(), relayState: String(repeating: "x", count: 81), clock: clock, random: random)
        }
    }
}
