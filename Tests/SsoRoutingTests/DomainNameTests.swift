import Foundation
import SsoRouting
import SsoTestSupport
import Testing

@Suite struct DomainNameTests {
    @Test(arguments: [
        "BÜCHER.example", "bücher.example.", "xn--bcher-kva.example", "XN--BCHER-KVA.EXAMPLE", "  Bücher.Example \n",
        "bücher。example",
    ])
    func idnaAndCaseVariantsAreOneName(_ input: String) throws {
        let name = try DomainName(input)
        #expect(name.ascii == "xn--bcher-kva.example")
        #expect(name.unicode == "bücher.example")
    }

    @Test func asciiNamesAreLowercasedAndTrimmed() throws {
        #expect(try DomainName(" MyCompany.COM. ").ascii == "mycompany.com")
        #expect(try DomainName("a-b.c0.example").ascii == "a-b.c0.example")
        #expect(try DomainName("mycompany.com").unicode == "mycompany.com")
    }

    @Test func nonTransitionalMappingKeepsSharpS() throws {
        #expect(try DomainName("faß.de").ascii == "xn--fa-hia.de")
    }

    @Test(arguments: [
        "1.2.3.4", "127.1", "0x7f.1", "[::1]", "::1", "2001:db8::1", "[192.0.2.1]", "example.com:443", "example.123",
    ])
    func ipLiteralsAreRefused(_ input: String) {
        #expect(throws: SsoError.self) { try DomainName(input) }
        #expect(errorCode { try DomainName(input) } == .routingInvalidDomain)
    }

    @Test(arguments: [
        "", "   ", ".", "..", "a..b", ".example.com", "example.com..", "a_b.example", "-a.example", "a-.example",
        "ab--c.example", "xn--.example", "xn--a.example", "ex ample.com", "exa\u{0}mple.com", "💩.la",
        "x\u{200D}y.com", "a@b.example", "example.com/path",
    ])
    func nonHostnamesAreRefused(_ input: String) {
        #expect(errorCode { try DomainName(input) } == .routingInvalidDomain)
    }

    @Test func labelAndNameLengthLimits() throws {
        let label63 = String(repeating: "a", count: 63)
        #expect(try DomainName("\(label63).example").ascii.hasPrefix(label63))
        #expect(errorCode { try DomainName("\(label63)a.example") } == .routingInvalidDomain)
        // 4 labels of 61 + 3 dots = 247, plus ".abcde" = 253 octets.
        let base = Array(repeating: String(repeating: "b", count: 61), count: 4).joined(separator: ".")
        #expect(try DomainName(base + ".abcde").ascii.utf8.count == 253)
        #expect(errorCode { try DomainName(base + ".abcdef") } == .routingInvalidDomain)
        #expect(errorCode { try DomainName(String(repeating: "a.", count: 600) + "com") } == .routingInvalidDomain)
    }

    @Test func aLabelsAreCheckedInAnyPosition() throws {
        #expect(try DomainName("Mail.XN--BCHER-KVA.example").unicode == "mail.bücher.example")
        #expect(errorCode { try DomainName("mail.xn--a.example") } == .routingInvalidDomain)
        #expect(errorCode { try DomainName("mail.example.xn--zz") } == .routingInvalidDomain)
        #expect(try DomainName("xnx--a.example").ascii == "xnx--a.example")
    }

    /// Found by the domain fuzzer: libidn2's lookup passes `xn--` labels through, so each must
    /// decode to a valid U-label that encodes back to itself (RFC 5891 §5.4).
    @Test(arguments: [
        "xn--bsh", "xn--bsh.example", "mail.xn--bsh.example", "xn--bsh\u{0B}", "xn--wca.example",
        "xn--abc-.example", "xn--ab-r13a.example", "xn--ph7cc.example", "bücher.xn--bsh",
    ])
    func aLabelsThatAreNotCanonicalAreRefused(_ input: String) {
        #expect(errorCode { try DomainName(input) } == .routingInvalidDomain)
        #expect(throws: SsoError.self) { try EmailAddress("alice@" + input) }
    }

    @Test func validALabelsRoundTripThroughTheirDisplayForm() throws {
        for input in ["xn--zca.example", "xn--bcher-kva.example", "XN--FA-HIA.de"] {
            let name = try DomainName(input)
            #expect(try DomainName(name.unicode) == name)
        }
    }

    @Test func onlyOneTrailingDotIsStripped() throws {
        #expect(try DomainName("example.com.").ascii == "example.com")
        #expect(errorCode { try DomainName("example.com..") } == .routingInvalidDomain)
    }

    @Test func parentAndLabels() throws {
        let name = try DomainName("a.b.example")
        #expect(name.labels == ["a", "b", "example"])
        #expect(name.parent?.ascii == "b.example")
        #expect(try DomainName("example").parent == nil)
    }

    @Test func codableRoundTripAndValidationOnDecode() throws {
        let name = try DomainName("Bücher.example")
        let data = try JSONEncoder().encode([name])
        #expect(String(decoding: data, as: UTF8.self) == #"["xn--bcher-kva.example"]"#)
        #expect(try JSONDecoder().decode([DomainName].self, from: data) == [name])
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode([DomainName].self, from: Data(#"["1.2.3.4"]"#.utf8))
        }
    }
}
