extension Base64 {
    /// Digit values of the standard alphabet; `whitespace`, `pad` or `invalid` for other bytes.
    private static let decodingTable: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        for character in " \t\r\n".utf8 { table[Int(character)] = whitespace }
        table[Int(UInt8(ascii: "="))] = pad
        return table
    }()
    private static let whitespace: UInt8 = 0x40
    private static let pad: UInt8 = 0x41
    private static let invalid: UInt8 = 0xFF

    /// Decodes standard base64 given as bytes, with exactly the rules of ``decode(_:allowWhitespace:)``
    /// (the standard alphabet, correct `=` padding and nothing after it but whitespace, unused low
    /// bits zero; with `allowWhitespace`, spaces, tabs and line breaks anywhere are skipped), in one
    /// pass into one preallocated buffer: for the SAML form field, which arrives as bytes.
    package static func decode(utf8 input: ArraySlice<UInt8>, allowWhitespace: Bool = false) throws(SsoError)
        -> [UInt8]
    {
        // At most 3 bytes per 4 digits; every digit is an input byte.
        let capacity = input.count / 4 * 3 + 3
        var failed = false
        let output = input.withUnsafeBufferPointer { source in
            decodingTable.withUnsafeBufferPointer { table in
                [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                    initialized = 0
                    let count = source.count
                    var read = 0
                    var written = 0
                    // Bounds: `written` grows by 3 per 4 digits read, and at the end by at most 2
                    // for 2–3 pending digits, so written ≤ count / 4 * 3 + 2 < capacity.
                    var quad: UInt32 = 0
                    var pending = 0
                    var padding = 0
                    while read < count {
                        // Fast path: four digits in a row at a quad boundary.
                        if pending == 0, padding == 0, count - read >= 4 {
                            let a = table[Int(source[read])], b = table[Int(source[read + 1])]
                            let c = table[Int(source[read + 2])], d = table[Int(source[read + 3])]
                            if (a | b | c | d) < 0x40 {
                                buffer[written] = a << 2 | b >> 4
                                buffer[written + 1] = b << 4 | c >> 2
                                buffer[written + 2] = c << 6 | d
                                written += 3
                                read += 4
                                continue
                            }
                        }
                        let value = table[Int(source[read])]
                        read += 1
                        if value < 0x40 {
                            guard padding == 0 else { failed = true; return }
                            quad = quad << 6 | UInt32(value)
                            pending += 1
                            if pending == 4 {
                                buffer[written] = UInt8(truncatingIfNeeded: quad >> 16)
                                buffer[written + 1] = UInt8(truncatingIfNeeded: quad >> 8)
                                buffer[written + 2] = UInt8(truncatingIfNeeded: quad)
                                written += 3
                                quad = 0
                                pending = 0
                            }
                        } else if value == whitespace {
                            guard allowWhitespace else { failed = true; return }
                        } else if value == pad {
                            padding += 1
                        } else {
                            failed = true
                            return
                        }
                    }
                    switch pending {
                    case 0:
                        guard padding == 0 else { failed = true; return }
                    case 2:
                        guard padding == 2, quad & 0x0F == 0 else { failed = true; return }
                        buffer[written] = UInt8(truncatingIfNeeded: quad >> 4)
                        written += 1
                    case 3:
                        guard padding == 1, quad & 0x03 == 0 else { failed = true; return }
                        buffer[written] = UInt8(truncatingIfNeeded: quad >> 10)
                        buffer[written + 1] = UInt8(truncatingIfNeeded: quad >> 2)
                        written += 2
                    default:
                        failed = true
                        return
                    }
                    initialized = written
                }
            }
        }
        guard !failed else {
            throw SsoError(.encodingInvalidBase64, "the value is not valid base64")
        }
        return output
    }
}
