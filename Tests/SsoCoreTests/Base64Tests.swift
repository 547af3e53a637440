import SsoCore
import Testing

@Suite struct Base64Tests {
    @Test(arguments: [0, 1, 2, 3, 4, 5, 31, 32, 33, 100])
    func base64URLRoundTrips(length: Int) throws {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let text = Base64URL.encode(bytes)
        #expect(!text.contains("="))
        #expect(try Base64URL.decode(text) == bytes)
    }

    @Test(arguments: ["AA==", "A", "AB", "a+b", "a/b", "ab c", "ab\n", "AQ=", "_-_.", "AB!C"])
    func base64URLRejectsNonStrictInput(text: String) {
        #expect(throws: SsoError.self) { try Base64URL.decode(text) }
    }

    @Test func base64URLRejectsNonCanonicalTrailingBits() {
        // "AQ" is 0x01; "AR" decodes to the same byte with a non-zero unused bit.
        #expect((try? Base64URL.decode("AQ")) == [1])
        #expect(throws: SsoError.self) { try Base64URL.decode("AR") }
    }

    @Test func standardBase64AcceptsLineBreaksOnlyWhenAsked() throws {
        let wrapped = "SGVs\r\nbG8g\n d29y bGQ="
        #expect(try Base64.decode(wrapped, allowWhitespace: true) == Array("Hello world".utf8))
        #expect(throws: SsoError.self) { try Base64.decode(wrapped) }
        #expect(throws: SsoError.self) { try Base64.decode("SGVsbG8gd29ybGQ") }
        #expect(throws: SsoError.self) { try Base64.decode("SGVs=bG8=") }
        #expect(Base64.encode(Array("Hello world".utf8)) == "SGVsbG8gd29ybGQ=")
    }
}
