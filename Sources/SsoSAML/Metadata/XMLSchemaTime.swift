import Foundation

/// Strict parsers for the XML Schema `dateTime` and `duration` values that metadata carries.
enum XMLSchemaTime {
    /// Parses `YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)?`; a value without a zone is read as UTC
    /// (SAML requires UTC). Returns `nil` for anything else.
    static func dateTime(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19, bytes.count <= 40 else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for index in start..<(start + length) {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                fraction += Double(bytes[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        var offset = 0
        if index < bytes.count {
            if bytes[index] == UInt8(ascii: "Z"), index + 1 == bytes.count {
                index += 1
            } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), index + 6 == bytes.count,
                bytes[index + 3] == UInt8(ascii: ":"), let hours = number(index + 1, 2),
                let minutes = number(index + 4, 2), hours <= 14, minutes < 60
            {
                offset = (hours * 3600 + minutes * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
            } else {
                return nil
            }
        }
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        calendar.timeZone = utc
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: components),
            calendar.component(.day, from: date) == day
        else { return nil }
        return date.addingTimeInterval(fraction - TimeInterval(offset))
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
