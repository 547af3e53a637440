extension DomainName {
    /// Full stops that UTS #46 maps to `.`, accepted as the one trailing dot.
    private static let trailingDots: Set<Unicode.Scalar> = [".", "\u{3002}", "\u{FF0E}", "\u{FF61}"]

    static func invalid(_ reason: String, file: String = #fileID, line: Int = #line) -> SsoError {
        SsoError(.routingInvalidDomain, "not a routable domain: \(reason)", file: file, line: line)
    }

    /// The canonical ASCII form of `input`, or `routing.invalid_domain`.
    static func normalize(_ input: String) throws(SsoError) -> String {
        guard input.utf8.count <= maxInputBytes else { throw invalid("longer than \(maxInputBytes) bytes") }
        var text = input.trimmingWhiteSpace
        guard let first = text.utf8.first, let last = text.utf8.last else { throw invalid("it is empty") }
        if first == UInt8(ascii: "[") || last == UInt8(ascii: "]") {
            throw invalid("IP literals are not routable")
        }
        var isASCII = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: ":") { throw invalid("it contains ':' (an IPv6 literal or a port)") }
            if byte == UInt8(ascii: "@") { throw invalid("it contains '@' (an email address, not a domain)") }
            if byte >= 0x80 { isASCII = false }
        }
        if last == UInt8(ascii: ".") {
            text.unicodeScalars.removeLast()
        } else if !isASCII, let scalar = text.unicodeScalars.last, trailingDots.contains(scalar) {
            text.unicodeScalars.removeLast()
        }
        guard !text.isEmpty else { throw invalid("it is empty") }

        let ascii: String
        if isASCII {
            let lowered = text.asciiLowercased
            if hasALabel(lowered) {
                ascii = try idnaLookup(lowered)
            } else {
                ascii = lowered
            }
        } else {
            ascii = try idnaLookup(text)
        }
        try checkHostname(ascii)
        try checkALabels(ascii)
        return ascii
    }

    /// RFC 5891 §5.4: an A-label is valid only when it decodes to a valid U-label that encodes
    /// back to the same A-label. libidn2's lookup passes `xn--` labels through without that
    /// check, so `xn--bsh` (the disallowed `⑶`) or a label decoding to plain ASCII would
    /// otherwise become routable names no Unicode input can produce.
    private static func checkALabels(_ ascii: String) throws(SsoError) {
        guard hasALabel(ascii) else { return }
        guard let unicode = IDNA.toUnicode(ascii) else {
            throw invalid("an xn-- label is not valid Punycode")
        }
        guard case .success(let again) = IDNA.toASCII(unicode), again.asciiLowercased == ascii else {
            throw invalid("an xn-- label is not the ASCII form of a valid IDNA2008 label")
        }
    }

    /// Whether a label of `ascii` starts with `xn--`.
    private static func hasALabel(_ ascii: String) -> Bool {
        var atLabelStart = true
        var iterator = ascii.utf8.makeIterator()
        while let byte = iterator.next() {
            if atLabelStart, byte == UInt8(ascii: "x") {
                var copy = iterator
                if copy.next() == UInt8(ascii: "n"), copy.next() == UInt8(ascii: "-"), copy.next() == UInt8(ascii: "-")
                {
                    return true
                }
            }
            atLabelStart = byte == UInt8(ascii: ".")
        }
        return false
    }

    private static func idnaLookup(_ text: String) throws(SsoError) -> String {
        switch IDNA.toASCII(text) {
        case .success(let ascii): return ascii.asciiLowercased
        case .failure(let failure): throw invalid("refused by IDNA2008/UTS #46 (\(failure.name))")
        }
    }

    /// The hostname rules applied to the ASCII form.
    private static func checkHostname(_ ascii: String) throws(SsoError) {
        let bytes = Array(ascii.utf8)
        guard bytes.count <= maxNameBytes else { throw invalid("longer than \(maxNameBytes) octets") }
        var labels: [ArraySlice<UInt8>] = []
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: ".") {
            labels.append(bytes[start..<index])
            start = index + 1
        }
        for (position, label) in labels.enumerated() {
            try checkLabel(label, position: position + 1)
        }
        if let last = labels.last, looksNumeric(last) {
            throw invalid("IP literals are not routable (the last label is numeric)")
        }
    }

    private static func checkLabel(_ label: ArraySlice<UInt8>, position: Int) throws(SsoError) {
        guard !label.isEmpty else { throw invalid("label \(position) is empty") }
        guard label.count <= maxLabelBytes else { throw invalid("label \(position) is longer than 63 octets") }
        for byte in label {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                continue
            case UInt8(ascii: "_"):
                throw invalid("label \(position) contains '_' (not allowed in host names)")
            default:
                throw invalid("label \(position) contains a character that is not a letter, digit or hyphen")
            }
        }
        if label.first == UInt8(ascii: "-") || label.last == UInt8(ascii: "-") {
            throw invalid("label \(position) starts or ends with a hyphen")
        }
        let base = label.startIndex
        if label.count >= 4, label[base + 2] == UInt8(ascii: "-"), label[base + 3] == UInt8(ascii: "-"),
            !(label[base] == UInt8(ascii: "x") && label[base + 1] == UInt8(ascii: "n"))
        {
            throw invalid("label \(position) has '--' in positions 3 and 4 but is not an xn-- label")
        }
    }

    /// Whether a label reads as a number (decimal, or `0x` hex as URL host parsers accept).
    private static func looksNumeric(_ label: ArraySlice<UInt8>) -> Bool {
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        if label.allSatisfy(isDigit) { return true }
        let base = label.startIndex
        guard label.count >= 2, label[base] == UInt8(ascii: "0"), label[base + 1] == UInt8(ascii: "x") else {
            return false
        }
        return label.dropFirst(2).allSatisfy { isDigit($0) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) }
    }
}
