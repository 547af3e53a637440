import Foundation

/// Strict parsers for the XML Schema `dateTime` and `duration` values that metadata carries.
enum XMLSchemaTime {
    /// Parses `YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)?`; a value without a zone is read as UTC
    /// (SAML requires UTC). Returns `nil` for anything else.
    static func dateTime(_ text: String) -> Date? {
        SAMLDateTime.parse(text, strictness: .metadata)
    }

    /// Parses a non-negative `xs:duration` (`P1DT2H`, `PT3600S`, `P0Y0M7D`) into seconds; a year
    /// counts 365 days and a month 30. Returns `nil` for a negative or malformed value.
    static func duration(_ text: String) -> TimeInterval? {
        var bytes = Array(text.utf8)[...]
        guard bytes.count <= 64, bytes.first == UInt8(ascii: "P") else { return nil }
        bytes = bytes.dropFirst()
        var total = 0.0
        var inTime = false
        var sawComponent = false
        var order = 0
        let dateUnits: [UInt8: (Int, Double)] = [
            UInt8(ascii: "Y"): (1, 365 * 86400), UInt8(ascii: "M"): (2, 30 * 86400),
            UInt8(ascii: "D"): (3, 86400),
        ]
        let timeUnits: [UInt8: (Int, Double)] = [
            UInt8(ascii: "H"): (5, 3600), UInt8(ascii: "M"): (6, 60),
            UInt8(ascii: "S"): (7, 1),
        ]
        while let byte = bytes.first {
            if byte == UInt8(ascii: "T") {
                guard !inTime else { return nil }
                inTime = true
                order = 4
                bytes = bytes.dropFirst()
                guard !bytes.isEmpty else { return nil }
                continue
            }
            var digits = ""
            while let digit = bytes.first, (digit >= 0x30 && digit <= 0x39) || digit == UInt8(ascii: ".") {
                digits.append(Character(UnicodeScalar(digit)))
                bytes = bytes.dropFirst()
            }
            guard !digits.isEmpty, digits.first != ".", digits.last != ".", let value = Double(digits),
                let unit = bytes.first, let (rank, seconds) = (inTime ? timeUnits : dateUnits)[unit], rank > order,
                digits.contains(".") == false || unit == UInt8(ascii: "S")
            else { return nil }
            order = rank
            total += value * seconds
            sawComponent = true
            bytes = bytes.dropFirst()
        }
        guard sawComponent, total.isFinite else { return nil }
        return total
    }
}
