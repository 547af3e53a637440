import Foundation
import CXMLSec
import Testing

@Suite struct XMLSecInitTests {
    @Test func initialisesOncePerProcessAcrossThreads() async {
        let results = await withTaskGroup(of: Int32.self) { group in
            for _ in 0..<32 {
                group.addTask { cxmlsec_init_once() }
            }
            var all: [Int32] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 32)
        #expect(results.allSatisfy { $0 == 0 })
        #expect(cxmlsec_init_count() == 1)
    }

    @Test func sizeTypeMatchesTheSystemBuild() {
        // XMLSEC_NO_SIZE_T must match the Debian build, or every struct offset after an xmlSecSize shifts.
        #expect(MemoryLayout<cxmlsec_size>.size == 4)
        #expect(MemoryLayout<xmlSecDSigCtx>.size == 1032)
    }

    @Test func refusesADoctypeBeforeExpandingIt() {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <lolz>&lol2;</lolz>
            """
        var hadDoctype: Int32 = 0
        var code: Int32 = 0
        let doc = laughs.withCString { cxml_parse_hardened($0, Int32(strlen($0)), 64, &hadDoctype, &code) }
        #expect(doc == nil)
        #expect(hadDoctype == 1)
    }

    @Test func parsesPlainXMLAndLimitsDepth() {
        var hadDoctype: Int32 = 0
        var code: Int32 = 0
        let ok = "<a><b><c/></b></a>".withCString { cxml_parse_hardened($0, Int32(strlen($0)), 3, &hadDoctype, &code) }
        #expect(ok != nil)
        xmlFreeDoc(ok)
        let deep = "<a><b><c><d/></c></b></a>".withCString {
            cxml_parse_hardened($0, Int32(strlen($0)), 3, &hadDoctype, &code)
        }
        #expect(deep == nil)
        #expect(code == -3)
    }
}
