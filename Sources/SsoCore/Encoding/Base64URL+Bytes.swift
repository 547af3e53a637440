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
    public static func decode(utf8 input: ArraySlice<UInt8>) throws(SsoError) -> [UInt8] {
        let remainder = input.count % 4
        guard remainder != 1 else {
            throw SsoError(.encodingInvalidBase64, "the value is not strict unpadded base64url")
        }
        var out = [UInt8]()
        out.reserveCapacity(input.count / 4 * 3 + 2)
        let valid: Bool = decodingTable.withUnsafeBufferPointer { table in
            var index = input.startIndex
            let fullEnd = input.endIndex - remainder
            var bad: UInt8 = 0
            while index < fullEnd {
                let a = table[Int(input[index])], b = table[Int(input[index + 1])]
                let c = table[Int(input[index + 2])], d = table[Int(input[index + 3])]
                bad |= (a | b | c | d) & 0x80
                out.append(a << 2 | b >> 4)
                out.append(b << 4 | c >> 2)
                out.append(c << 6 | d)
                index += 4
            }
            if remainder == 2 {
                let a = table[Int(input[index])], b = table[Int(input[index + 1])]
                bad |= (a | b) & 0x80
                guard b & 0x0F == 0 else { return false }
                out.append(a << 2 | b >> 4)
            } else if remainder == 3 {
                let a = table[Int(input[index])], b = table[Int(input[index + 1])], c = table[Int(input[index + 2])]
                bad |= (a | b | c) & 0x80
                guard c & 0x03 == 0 else { return false }
                out.append(a << 2 | b >> 4)
                out.append(b << 4 | c >> 2)
            }
            return bad == 0
        }
        guard valid else {
            throw SsoError(.encodingInvalidBase64, "the value is not strict unpadded base64url")
        }
        return out
    }
}
