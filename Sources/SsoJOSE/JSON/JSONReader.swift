/// The byte-level state machine behind ``JSONParser``. Every index is bounds-checked.
struct JSONReader: ~Copyable {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    private var index = 0
    private var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    mutating func parseDocument() throws(SsoError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw invalid("unexpected data after the JSON value") }
        return value
    }

    private func invalid(_ what: String, file: String = #fileID, line: Int = #line) -> SsoError {
        SsoError(.joseJSONInvalid, "invalid JSON at byte \(index): \(what)", file: file, line: line)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            index += 1
        }
    }

    private mutating func expect(_ literal: StaticString) throws(SsoError) {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw invalid("truncated literal") }
        let start = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] {
            throw invalid("unknown literal")
        }
        index += count
    }

    private mutating func parseValue() throws(SsoError) -> JSONValue {
        guard let byte = current else { throw invalid("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw invalid("unexpected character")
        }
    }

    private mutating func enter() throws(SsoError) {
        depth += 1
        guard depth <= maxDepth else {
            throw SsoError(.joseJSONTooDeep, "the JSON document nests deeper than \(maxDepth) levels")
        }
    }

    private mutating func parseObject() throws(SsoError) -> JSONValue {
        try enter()
        index += 1
        var members = [String: JSONValue](minimumCapacity: 8)
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw invalid("expected a member name") }
            let name = try parseString()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw invalid("expected ':'") }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            guard members.updateValue(value, forKey: name) == nil else {
                throw SsoError(.joseJSONDuplicateMember, "the JSON object has a duplicate member name")
            }
            skipWhitespace()
            guard let byte = current else { throw invalid("unterminated object") }
            index += 1
            if byte == UInt8(ascii: "}") { break }
            guard byte == UInt8(ascii: ",") else { throw invalid("expected ',' or '}'") }
        }
        depth -= 1
        return .object(members)
    }

    private mutating func parseArray() throws(SsoError) -> JSONValue {
        try enter()
        index += 1
        var elements = [JSONValue]()
        elements.reserveCapacity(4)
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard let byte = current else { throw invalid("unterminated array") }
            index += 1
            if byte == UInt8(ascii: "]") { break }
            guard byte == UInt8(ascii: ",") else { throw invalid("expected ',' or ']'") }
        }
        depth -= 1
        return .array(elements)
    }

    private mutating func parseNumber() throws(SsoError) -> Double {
        let start = index
        let negative = current == UInt8(ascii: "-")
        if negative { index += 1 }
        guard let first = current, isDigit(first) else { throw invalid("malformed number") }
        index += 1
        if first == UInt8(ascii: "0"), let next = current, isDigit(next) {
            throw invalid("leading zero in number")
        }
        var integer = UInt64(first - UInt8(ascii: "0"))
        var digits = 1
        while let byte = current, isDigit(byte) {
            if digits < 18 { integer = integer * 10 + UInt64(byte - UInt8(ascii: "0")) }
            digits += 1
            index += 1
        }
        var isInteger = true
        if current == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard let digit = current, isDigit(digit) else { throw invalid("malformed fraction") }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let digit = current, isDigit(digit) else { throw invalid("malformed exponent") }
            skipDigits()
        }
        // Integers of up to 15 digits (all JWT dates) are exact in a Double: no text round trip.
        if isInteger, digits <= 15 {
            let value = Double(integer)
            return negative ? -value : value
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw invalid("number out of range") }
        return value
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while let byte = current, isDigit(byte) { index += 1 }
    }

    // MARK: Strings

    private mutating func parseString() throws(SsoError) -> String {
        index += 1  // opening quote
        let start = index
        // Fast path: no escape, so the string is the validated bytes as they are.
        while let byte = current, byte != UInt8(ascii: "\\") {
            switch byte {
            case UInt8(ascii: "\""):
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            case 0x00..<0x20:
                throw invalid("control character in string")
            case 0x20..<0x80:
                index += 1
            default:
                index += try multiByteScalarLength()
            }
        }
        guard current != nil else { throw invalid("unterminated string") }
        var out = Array(bytes[start..<index])
        while true {
            guard let byte = current else { throw invalid("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                try parseEscape(into: &out)
            case 0x00..<0x20:
                throw invalid("control character in string")
            case 0x20..<0x80:
                out.append(byte)
                index += 1
            default:
                let length = try multiByteScalarLength()
                out.append(contentsOf: bytes[index..<(index + length)])
                index += length
            }
        }
    }

    /// The length of the well-formed multi-byte UTF-8 sequence at `index` (Unicode Table 3-7), or throws.
    private func multiByteScalarLength() throws(SsoError) -> Int {
        guard let lead = current else { throw invalid("unterminated string") }
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw invalid("invalid UTF-8")
        }
        guard bytes.count - index >= length else { throw invalid("truncated UTF-8") }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { throw invalid("invalid UTF-8") }
        for offset in 2..<max(2, length) {
            let continuation = bytes[index + offset]
            guard continuation >= 0x80, continuation <= 0xBF else { throw invalid("invalid UTF-8") }
        }
        return length
    }

    private mutating func parseEscape(into out: inout [UInt8]) throws(SsoError) {
        guard let byte = current else { throw invalid("unterminated escape") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(byte)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u")
                else { throw invalid("lone surrogate") }
                index += 2
                let trail = try parseHex4()
                guard (0xDC00...0xDFFF).contains(trail) else { throw invalid("lone surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (trail - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw invalid("lone surrogate")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw invalid("invalid escape") }
            out.append(contentsOf: unicode.utf8)
        default:
            throw invalid("unknown escape")
        }
    }

    private mutating func parseHex4() throws(SsoError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw invalid("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw invalid("malformed \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
