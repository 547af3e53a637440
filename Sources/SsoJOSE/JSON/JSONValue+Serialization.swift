import Foundation

extension JSONValue {
    /// Compact JSON text with object members sorted by name (deterministic output for CLIs and
    /// test providers). Integral numbers within ±2^53 print without a fraction.
    public func serialized() -> String {
        var out = ""
        write(to: &out)
        return out
    }

    /// The value as Foundation plain values (`[String: Any]`, `[Any]`, `String`, `Int64` or `Double`,
    /// `Bool`, `NSNull`), for `JSONSerialization`-based output such as `ssoctl`'s.
    package var foundationValue: Any {
        switch self {
        case .object(let members): return members.mapValues { $0.foundationValue }
        case .array(let elements): return elements.map { $0.foundationValue }
        case .string(let text): return text
        case .number(let number):
            if number.rounded() == number, abs(number) <= 9_007_199_254_740_992 { return Int64(number) }
            return number
        case .bool(let flag): return flag
        case .null: return NSNull()
        }
    }

    private func write(to out: inout String) {
        switch self {
        case .object(let members):
            out += "{"
            for (offset, name) in members.keys.sorted().enumerated() {
                if offset > 0 { out += "," }
                Self.writeString(name, to: &out)
                out += ":"
                members[name]?.write(to: &out)
            }
            out += "}"
        case .array(let elements):
            out += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { out += "," }
                element.write(to: &out)
            }
            out += "]"
        case .string(let text):
            Self.writeString(text, to: &out)
        case .number(let number):
            if number.rounded() == number, abs(number) <= 9_007_199_254_740_992 {
                out += String(Int64(number))
            } else {
                out += "\(number)"
            }
        case .bool(let flag):
            out += flag ? "true" : "false"
        case .null:
            out += "null"
        }
    }

    private static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
