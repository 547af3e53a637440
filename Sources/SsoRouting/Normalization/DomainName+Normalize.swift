extension DomainName {
    /// Full stops that UTS #46 maps to `.`, accepted as the one trailing dot.
    private static let trailingDots: Set<Unicode.Scalar> = [".", "\u{3002}", "\u{FF0E}", "\u{FF61}"]

    static func invalid(_ reason: String) -> SsoError {
        SsoError(.routingInvalidDomain, "not a routable domain: \(reason)")
    }

    /// The canonical ASCII form of `input`, or `routing.invalid_domain`.
    static func normalize(_ input: String) throws(SsoError) -> String {
        guard input.utf8.count <= maxInputBytes else { throw invalid("longer than \(maxInputBytes) bytes") }
        var text = input.trimmingWhiteSpace
        guard !text.isEmpty else { throw invalid("it is empty") }
        if text.hasPrefix("[") || text.hasSuffix("]") {
            throw invalid("IP literals are not routable")
        }
        guard !text.contains(":") else { throw invalid("it contains ':' (an IPv6 literal or a port)") }
        guard !text.contains("@") else { throw invalid("it contains '@' (an email address, not a domain)") }
        if let last = text.unicodeScalars.last, trailingDots.contains(last) {
            text.unicodeScalars.removeLast()
        }
        guard !text.isEmpty else { throw invalid("it is empty") }

        let ascii: String
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let lowered = text.asciiLowercased
            if lowered.hasPrefix("xn--") || lowered.contains(".xn--") {
                ascii = try idnaLookup(lowered)   // validates A-labels (round trip)
            } else {
                ascii = lowered
            }
        } else {
            ascii = try idnaLookup(text)
        }
        try checkHostname(ascii)
        return ascii
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
