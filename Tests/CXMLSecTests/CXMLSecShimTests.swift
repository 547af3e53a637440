import CXMLSec
import Foundation
import Testing

@Suite struct CXMLSecShimTests {
    func parse(_ xml: String) -> xmlDocPtr? {
        var hadDoctype: Int32 = 0
        var code: Int32 = 0
        return xml.withCString { cxml_parse_hardened($0, Int32(strlen($0)), 64, &hadDoctype, &code) }
    }

    @Test func detectsXMLID() throws {
        let with = try #require(parse("<r><a><b xml:id=\"x\"/></a></r>"))
        defer { xmlFreeDoc(with) }
        #expect(cxml_has_xml_id(with) == 1)
        let without = try #require(parse("<r><a ID=\"x\"/></r>"))
        defer { xmlFreeDoc(without) }
        #expect(cxml_has_xml_id(without) == 0)
    }

    @Test func registersEachIDOnce() throws {
        let doc = try #require(parse("<r ID=\"one\"><a ID=\"two\"/><b ID=\"one\"/></r>"))
        defer { xmlFreeDoc(doc) }
        let root = try #require(xmlDocGetRootElement(doc))
        let first = try #require(xmlHasProp(root, "ID"))
        #expect(cxml_register_id(doc, first) == 0)
        #expect(cxml_element_by_id(doc, "one") == root)
        #expect(cxml_element_by_id(doc, "two") == nil)
        // A second element with the same value cannot take the ID over.
        let b = try #require(root.pointee.children?.pointee.next)
        let duplicate = try #require(xmlHasProp(b, "ID"))
        #expect(cxml_register_id(doc, duplicate) == -1)
        #expect(cxml_element_by_id(doc, "one") == root)
    }

    @Test func refusesToVerifyWithoutAKeyOrNode() {
        var uri: UnsafeMutablePointer<xmlChar>?
        var bytes: UnsafeMutablePointer<UInt8>?
        var length: Int32 = 0
        #expect(cxmlsec_verify_signature(nil, nil, 0, &uri, &bytes, &length) == -1)
        #expect(uri == nil && bytes == nil)
        var out: UnsafeMutablePointer<UInt8>?
        #expect(cxmlsec_decrypt_data(nil, nil, 0, &out, &length) == -1)
        #expect(cxmlsec_key_load(nil, 0, Int32(xmlSecKeyDataFormatPem.rawValue)) == nil)
    }

    @Test func keyInfoReportsKindAndBits() {
        var kind: Int32 = -1
        #expect(cxmlsec_key_info(nil, &kind) == 0)
        #expect(kind == 0)
    }
}
