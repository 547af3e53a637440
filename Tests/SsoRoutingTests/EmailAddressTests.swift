import Foundation
import SsoRouting
import SsoTestSupport
import Testing

@Suite struct EmailAddressTests {
    @Test func normalisesCaseAndIDNA() throws {
        let email = try EmailAddress("  Alice.Smith@BÜCHER.Example. ")
        #expect(email.localPart == "alice.smith")
        #expect(email.domain.ascii == "xn--bcher-kva.example")
        #expect(email.normalized == "alice.smith@xn--bcher-kva.example")
        #expect(email.display == "alice.smith@bücher.example")
        #expect(try EmailAddress(email.normalized) == email)
    }

    @Test func acceptsAtextAndUnicodeLocalParts() throws {
        #expect(try EmailAddress("o'brien+sso@example.com").localPart == "o'brien+sso")
        #expect(try EmailAddress("JÖRG@example.com").localPart == "jörg")
    }

    @Test(arguments: [
        "alice@bob@example.com", "@example.com", "alice", "", "alice@", "alice@[192.0.2.1]", "alice@1.2.3.4",
        "al ice@example.com", ".alice@example.com", "alice.@example.com", "al..ice@example.com",
        "\"a@b\"@example.com", "al\u{7}ice@example.com", "alice@exa_mple.com",
    ])
    func refusesMalformedAddresses(_ input: String) {
        #expect(errorCode { try EmailAddress(input) } == .routingInvalidEmail)
    }

    @Test func badDomainKeepsItsReasonAsCause() {
        do {
            _ = try EmailAddress("alice@a..b")
            Issue.record("accepted an empty label")
        } catch {
            #expect(error.code == .routingInvalidEmail)
            #expect((error.underlying as? SsoError)?.code == .routingInvalidDomain)
        }
    }

    @Test func localPartLengthLimit() throws {
        #expect(try EmailAddress(String(repeating: "a", count: 64) + "@example.com").localPart.count == 64)
        #expect(
            errorCode { try EmailAddress(String(repeating: "a", count: 65) + "@example.com") }
                == .routingInvalidEmail)
    }

    @Test func codableNormalises() throws {
        let decoded = try JSONDecoder().decode([EmailAddress].self, from: Data(#"["Bob@Contoso.COM"]"#.utf8))
        #expect(decoded.first?.normalized == "bob@contoso.com")
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode([EmailAddress].self, from: Data(#"["a@b@c.com"]"#.utf8))
        }
    }
}
