import SsoJOSE

/// Typed reads of members of a JSON object, each failure a typed error with the given codes.
struct JSONObjectReader {
    let members: [String: JSONValue]
    let what: String
    let missing: SsoError.Code
    let invalid: SsoError.Code

    /// Parses `bytes` as a JSON object or throws `notObject`.
    init(
        parsing bytes: [UInt8], limits: JSONLimits, what: String, notObject: SsoError.Code,
        missing: SsoError.Code, invalid: SsoError.Code
    ) throws(SsoError) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes, limits: limits)
        } catch {
            throw SsoError(notObject, "the \(what) is not valid JSON", underlying: error)
        }
        guard let members = value.objectValue else {
            throw SsoError(notObject, "the \(what) is not a JSON object")
        }
        self.init(members: members, what: what, missing: missing, invalid: invalid)
    }

    init(members: [String: JSONValue], what: String, missing: SsoError.Code, invalid: SsoError.Code) {
        self.members = members
        self.what = what
        self.missing = missing
        self.invalid = invalid
    }

    /// A required string member.
    func string(_ name: String) throws(SsoError) -> String {
        guard let value = try optionalString(name) else {
            throw SsoError(missing, "the \(what) has no `\(name)`")
        }
        return value
    }

    /// An optional string member (`null` counts as absent).
    func optionalString(_ name: String) throws(SsoError) -> String? {
        guard let value = members[name], !value.isNull else { return nil }
        guard let text = value.stringValue else {
            throw SsoError(invalid, "`\(name)` in the \(what) is not a string")
        }
        return text
    }

    /// A required array-of-strings member.
    func strings(_ name: String) throws(SsoError) -> [String] {
        guard let value = try optionalStrings(name) else {
            throw SsoError(missing, "the \(what) has no `\(name)`")
        }
        return value
    }

    /// An optional array-of-strings member.
    func optionalStrings(_ name: String) throws(SsoError) -> [String]? {
        guard let value = members[name], !value.isNull else { return nil }
        guard let elements = value.arrayValue else {
            throw SsoError(invalid, "`\(name)` in the \(what) is not an array")
        }
        var out: [String] = []
        out.reserveCapacity(elements.count)
        for element in elements {
            guard let text = element.stringValue else {
                throw SsoError(invalid, "`\(name)` in the \(what) has a member that is not a string")
            }
            out.append(text)
        }
        return out
    }

    /// An optional non-negative integer member (JSON number without a fraction).
    func optionalInteger(_ name: String) throws(SsoError) -> Int? {
        guard let value = members[name], !value.isNull else { return nil }
        guard let number = value.numberValue, number >= 0, number <= 9_007_199_254_740_991,
            number.rounded(.towardZero) == number
        else {
            throw SsoError(invalid, "`\(name)` in the \(what) is not a non-negative integer")
        }
        return Int(number)
    }

    /// An optional Boolean member.
    func optionalBool(_ name: String) throws(SsoError) -> Bool? {
        guard let value = members[name], !value.isNull else { return nil }
        guard let flag = value.boolValue else {
            throw SsoError(invalid, "`\(name)` in the \(what) is not a Boolean")
        }
        return flag
    }
}
