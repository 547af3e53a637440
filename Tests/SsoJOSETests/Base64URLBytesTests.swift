import Testing
@testable import SsoJOSE

/// `Base64URL.decode(utf8:)` (the one-pass decoder JWS parsing uses, in SsoCore) must agree
/// exactly with the reference `Base64URL.decode(_:)` on every input.
@Suite("Base64URL byte decoder")
struct Base64URLBytesTests {
    private func agree(_ bytes: [UInt8]) -> Bool {
        let reference = try? Base64URL.decode(String(decoding: bytes, as: UTF8.self))
        let fast = try? Base64URL.decode(utf8: bytes[...])
        return reference == fast
    }

    @Test(arguments: [
        "", "A", "AA", "AAA", "AAAA", "AB", "AQ", "AR", "AAB", "AAE", "_-", "_w", "__8", "YQ", "YWI", "YWJj",
        "YQ==", "YWI=", "Y Q", "YQ\n", "+/8", "Zm9v", "Zm9vYg", "Zm9vYmE", "Zm9vYmFy", "Zm9vYmFy=", ".",
        "AAAAA", "AAAAAB", "\u{FF}\u{FF}",
    ])
    func agreesOnEdgeCases(_ text: String) {
        #expect(agree(Array(text.utf8)))
    }

    @Test func agreesOnRandomInputs() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        let noise = alphabet + Array("+/= .\n\u{0}".utf8) + [0x80, 0xFF]
        var disagreements = 0
        var accepted = 0
        for round in 0..<4000 {
            let length = Int.random(in: 0...40, using: &generator)
            let source = round % 2 == 0 ? alphabet : noise
            let bytes = (0..<length).map { _ in source[Int.random(in: 0..<source.count, using: &generator)] }
            if !agree(bytes) { disagreements += 1 }
            if (try? Base64URL.decode(utf8: bytes[...])) != nil { accepted += 1 }
        }
        #expect(disagreements == 0)
        #expect(accepted > 100)
        let payload = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        #expect((try? Base64URL.decode(utf8: Array(Base64URL.encode(payload).utf8)[...])) == payload)
    }

    @Test func decodesFromTheMiddleOfABuffer() throws {
        let bytes = Array("xx.Zm9vYmFy.yy".utf8)
        #expect(try Base64URL.decode(utf8: bytes[3..<11]) == Array("foobar".utf8))
    }
}
