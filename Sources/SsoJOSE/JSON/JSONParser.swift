/// A strict RFC 8259 JSON parser.
///
/// Unlike Foundation's, it rejects duplicate member names, enforces size and depth limits, refuses
/// invalid UTF-8, lone surrogate escapes, control characters in strings, a byte-order mark,
/// leading zeros, and anything after the value except whitespace. Work is linear in the input.
package enum JSONParser {
    /// Parses one JSON value from `bytes`.
    package static func parse(_ bytes: some Collection<UInt8>, limits: JSONLimits = .default) throws(SsoError)
        -> JSONValue
    {
        guard bytes.count <= limits.maxBytes else {
            throw SsoError(.joseJSONTooLarge, "the JSON document is larger than \(limits.maxBytes) bytes")
        }
        let result: Result<JSONValue, SsoError>? = bytes.withContiguousStorageIfAvailable { buffer in
            var reader = JSONReader(buffer, maxDepth: limits.maxDepth)
            return Result { () throws(SsoError) in try reader.parseDocument() }
        }
        if let result { return try result.get() }
        let copy = Array(bytes)
        let fallback: Result<JSONValue, SsoError> = copy.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer, maxDepth: limits.maxDepth)
            return Result { () throws(SsoError) in try reader.parseDocument() }
        }
        return try fallback.get()
    }
}
