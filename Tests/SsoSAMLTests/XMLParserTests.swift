import Foundation
import SsoCore
import Testing
@testable import SsoSAML

@Suite struct XMLParserTests {
    @Test func readsElementsAttributesAndNamespaces() throws {
        let doc = try HardenedXMLParser.parse(
            """
            <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp">
              <md:IDPSSODescriptor protocolSupportEnumeration="x"/><md:IDPSSODescriptor/><other xmlns="urn:x"/>
            </md:EntityDescriptor>
            """)
        let root = doc.root
        #expect(root.localName == "EntityDescriptor")
        #expect(root.namespaceURI == SAMLNamespace.metadata)
        #expect(root.is(SAMLNamespace.metadata, "EntityDescriptor"))
        #expect(root.attribute("entityID") == "https://idp")
        #expect(root.attribute("missing") == nil)
        #expect(root.children.count == 3)
        #expect(root.children(SAMLNamespace.metadata, "IDPSSODescriptor").count == 2)
        #expect(root.firstChild("urn:x", "other")?.namespaceURI == "urn:x")
        #expect(root.children.first?.parent?.isSameNode(as: root) == true)
    }

    @Test func prefixesDoNotMatterButNamespacesDo() throws {
        let doc = try HardenedXMLParser.parse(
            """
            <r xmlns:a="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:evil="urn:evil"><a:Assertion/><evil:Assertion/></r>
            """)
        #expect(doc.root.children(SAMLNamespace.assertion, "Assertion").count == 1)
    }

    @Test func textContentIsNotTruncatedByComments() throws {
        let doc = try HardenedXMLParser.parse("<n>alice@evil.com<!---->.example.com<![CDATA[!]]><?pi x?></n>")
        #expect(doc.root.textContent == "alice@evil.com.example.com!")
    }

    @Test func namespacedAttributes() throws {
        let doc = try HardenedXMLParser.parse(
            "<v xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"xs:string\" type=\"plain\"/>")
        #expect(doc.root.attribute("type") == "plain")
        #expect(doc.root.attribute("type", namespace: SAMLNamespace.xmlSchemaInstance) == "xs:string")
        #expect(doc.root.attributes.count == 2)
    }

    @Test(arguments: [
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>",
        "<!DOCTYPE r SYSTEM \"http://example.com/evil.dtd\"><r/>",
        "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]><r>&g;&g;&g;&g;</r>",
        "<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://example.com/p.dtd\"> %p;]><r/>",
    ])
    func refusesEveryDoctypeFast(_ xml: String) {
        let start = Date()
        #expect(throws: SsoError.self) { try HardenedXMLParser.parse(xml) }
        do {
            _ = try HardenedXMLParser.parse(xml)
        } catch {
            #expect(error.code == .samlXMLDoctype)
        }
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func refusesUndeclaredEntitiesAndMalformedInput() {
        for xml in ["<r>&x;</r>", "<r>", "<r/><r/>", "", "not xml", "<a:r/>", "<r/>trailing"] {
            do {
                _ = try HardenedXMLParser.parse(xml)
                Issue.record("accepted \(xml)")
            } catch {
                #expect(error.code == .samlXMLMalformed, "\(xml)")
            }
        }
    }

    @Test func limitsSizeAndDepth() {
        let big = "<r>" + String(repeating: "x", count: 300 * 1024) + "</r>"
        #expect(throws: SsoError(.samlXMLTooLarge, "the XML document is larger than 262144 bytes")) {
            try HardenedXMLParser.parse(big)
        }
        let deep = String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)
        do {
            _ = try HardenedXMLParser.parse(deep)
            Issue.record("accepted a 100-deep document")
        } catch {
            #expect(error.code == .samlXMLTooDeep)
        }
        #expect((try? HardenedXMLParser.parse(deep, limits: .init(maxDepth: 128))) != nil)
        // Deeper than libxml2's own limit (256): still reported as too deep, not as malformed.
        let deeper = String(repeating: "<a>", count: 1000) + String(repeating: "</a>", count: 1000)
        for limits in [HardenedXMLParser.Limits(), .init(maxDepth: 128)] {
            do {
                _ = try HardenedXMLParser.parse(deeper, limits: limits)
                Issue.record("accepted a 1000-deep document")
            } catch {
                #expect(error.code == .samlXMLTooDeep)
            }
        }
    }

    @Test func refusesXMLID() {
        do {
            _ = try HardenedXMLParser.parse("<r><a xml:id=\"x\"/></r>")
            Issue.record("accepted xml:id")
        } catch {
            #expect(error.code == .samlStructureDuplicateID)
        }
    }

    @Test func decodesBase64WithLineBreaksAndRawXML() throws {
        let xml = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>"
        var encoded = Base64.encode(Array(xml.utf8))
        encoded.insert(contentsOf: "\r\n", at: encoded.index(encoded.startIndex, offsetBy: 20))
        #expect(try SAMLInputDecoder.xmlBytes(Array(encoded.utf8)) == Array(xml.utf8))
        #expect(try SAMLInputDecoder.xmlBytes(Array(("\n  " + xml).utf8)) == Array(("\n  " + xml).utf8))
        for bad in ["bm90IHhtbA==", "PHI+$$$", "PHI+PC9yPg=", ""] {
            #expect(throws: SsoError.self) { try SAMLInputDecoder.xmlBytes(Array(bad.utf8)) }
        }
    }

    @Test func parsesSAMLTimestamps() {
        #expect(SAMLDateTime.parse("2026-01-15T10:00:00Z") == Date(timeIntervalSince1970: 1_768_471_200))
        #expect(SAMLDateTime.parse("2026-01-15T10:00:00.1234567Z")?.timeIntervalSince1970 ?? 0 > 1_768_471_200.12)
        #expect(SAMLDateTime.parse("2026-01-15T11:00:00+01:00") == Date(timeIntervalSince1970: 1_768_471_200))
        for bad in ["2026-01-15T10:00:00", "2026-02-30T10:00:00Z", "2026-01-15 10:00:00Z", "x", "2026-01-15T25:00:00Z"]
        {
            #expect(SAMLDateTime.parse(bad) == nil, "\(bad)")
        }
    }
}
