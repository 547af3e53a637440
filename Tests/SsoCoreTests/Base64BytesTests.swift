import SsoCore
import Testing

/// `Base64.decode(utf8:allowWhitespace:)` (one pass over bytes) must accept and refuse exactly
/// what `Base64.decode(_:allowWhitespace:)` does, and decode to the same bytes.
@Suite struct Base64BytesTests {
    private func agree(_ bytes: [UInt8], allowWhitespace: Bool) -> Bool {
        let text = try? Base64.decode(String(decoding: bytes, as: UTF8.self), allowWhitespace: allowWhitespace)
        let fast = try? Base64.decode(utf8: bytes[...], allowWhitespace: allowWhitespace)
        return text == fast
    }

    @Test(arguments: [
        "", "=", "==", "A", "AA", "AAA", "AAAA", "AA==", "AA=", "AAA=", "AAA==", "AAAA=", "AAAA====", "AQ==", "AR==",
        "AAE=", "AAF=", "SGVs\r\nbG8g\n d29y bGQ=", "SGVsbG8gd29ybGQ", "SGVs=bG8=", "SGVsbG8=\n", "SGVsbG8= =",
        "SGVsbG8 =", "SGVsbG8=\t", "AA= =", "A A A A", "-_-_", "+/+/", "AB!C", "AB\u{0}C", "QUJD\u{FFFD}", "é===",
        "QUJDRA==QUJD", "QUJDR A= =", " ", "\r\n", "QUJD\u{0B}", "QUJDRA==\r\n\r\n",
    ])
    func agreesWithTheTextDecoder(text: String) {
        #expect(agree(Array(text.utf8), allowWhitespace: true))
        #expect(agree(Array(text.utf8), allowWhitespace: false))
    }

    @Test func agreesOnRandomInput() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \t\r\n-_!".utf8)
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...24, using: &generator)
            let bytes = (0..<length).map { _ in
                Int.random(in: 0..<8, using: &generator) == 0
                    ? UInt8.random(in: 0...255, using: &generator) : alphabet.randomElement(using: &generator) ?? 0
            }
            #expect(agree(bytes, allowWhitespace: true), "\(bytes)")
            #expect(agree(bytes, allowWhitespace: false), "\(bytes)")
        }
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5, 57, 58, 59, 1000, 8008])
    func roundTripsWrappedAndUnwrapped(length: Int) throws {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
        let encoded = Base64.encode(bytes)
        #expect(try Base64.decode(utf8: Array(encoded.utf8)[...]) == bytes)
        var wrapped: [UInt8] = []
        for (offset, byte) in encoded.utf8.enumerated() {
            if offset > 0, offset % 76 == 0 { wrapped += [0x0D, 0x0A] }
            wrapped.append(byte)
        }
        #expect(try Base64.decode(utf8: wrapped[...], allowWhitespace: true) == bytes)
        // A slice that does not start at index 0.
        #expect(try Base64.decode(utf8: (Array("!!".utf8) + Array(encoded.utf8))[2...]) == bytes)
    }
}
