extension Base64URL {
    /// The values of the base64url alphabet; 0xFF for every other byte.
    private static let decodingTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        return table
    }()

    /// Decodes base64url given as UTF-8 bytes, with exactly the rules of ``decode(_:)`` (only the
    /// base64url alphabet, no padding, no whitespace, unused low bits zero) in one pass and one
    /// allocation: for hot paths such as JWS parsing, which already holds the token's bytes.
    package static func decode(utf8 input: ArraySlice<UInt8>) throws(SsoError) -> [UInt8] {
        let count = input.count
        let remainder = count % 4
        guard remainder != 1 else {
            throw SsoError(.encodingInvalidBase64, "the value is not strict unpadded base64url")
        }
        let outputCount = count / 4 * 3 + (remainder == 0 ? 0 : remainder - 1)
        var bad: UInt8 = 0
        let output = input.withUnsafeBufferPointer { source in
            decodingTable.withUnsafeBufferPointer { table in
                [UInt8](unsafeUninitializedCapacity: outputCount) { buffer, initialized in
                    var read = 0
                    var written = 0
                    let fullEnd = count - remainder
                    while read < fullEnd {
                        let a = table[Int(source[read])], b = table[Int(source[read + 1])]
                        let c = table[Int(source[read + 2])], d = table[Int(source[read + 3])]
                        bad |= (a | b | c | d) & 0x80
                        buffer[written] = a << 2 | b >> 4
                        buffer[written + 1] = b << 4 | c >> 2
                        buffer[written + 2] = c << 6 | d
                        read += 4
                        written += 3
                    }
                    if remainder == 2 {
                        let a = table[Int(source[read])], b = table[Int(source[read + 1])]
                        bad |= (a | b) & 0x80 | (b & 0x0F == 0 ? 0 : 0x80)
                        buffer[written] = a << 2 | b >> 4
                        written += 1
                    } else if remainder == 3 {
                        let a = table[Int(source[read])], b = table[Int(source[read + 1])]
                        let c = table[Int(source[read + 2])]
                        bad |= (a | b | c) & 0x80 | (c & 0x03 == 0 ? 0 : 0x80)
                        buffer[written] = a << 2 | b >> 4
                        buffer[written + 1] = b << 4 | c >> 2
                        written += 2
                    }
                    initialized = written
                }
            }
        }
        guard bad == 0 else {
            throw SsoError(.encodingInvalidBase64, "the value is not strict unpadded base64url")
        }
        return output
    }
}
