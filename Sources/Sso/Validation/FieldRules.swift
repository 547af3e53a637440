import Foundation

/// Field checks shared by every validator. Each failure names the field by its JSON key and
/// never repeats a secret value.
struct FieldRules {
    /// The error code used for every failure (`connection.invalid_params`, `config.invalid_params`, …).
    let code: SsoError.Code

    func invalid(
        _ field: String, _ reason: String, underlying: (any Error & Sendable)? = nil, file: String = #fileID,
        line: Int = #line
    ) -> SsoError {
        SsoError(code, "\(field): \(reason)", underlying: underlying, file: file, line: line)
    }

    /// Trimmed, non-empty text of at most `maxBytes` bytes with no control characters.
    func text(_ value: String?, _ field: String, maxBytes: Int = 1024) throws(SsoError) -> String {
        guard let value else { throw invalid(field, "is required") }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw invalid(field, "must not be empty") }
        guard trimmed.utf8.count <= maxBytes else { throw invalid(field, "must be at most \(maxBytes) bytes") }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw invalid(field, "must not contain control characters")
        }
        return trimmed
    }

    /// Trimmed, non-empty text that may span lines (PEM): no control characters besides
    /// tab, CR and LF.
    func multilineText(_ value: String?, _ field: String, maxBytes: Int) throws(SsoError) -> String {
        guard let value else { throw invalid(field, "is required") }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw invalid(field, "must not be empty") }
        guard trimmed.utf8.count <= maxBytes else { throw invalid(field, "must be at most \(maxBytes) bytes") }
        let allowed: Set<Unicode.Scalar> = ["\t", "\r", "\n"]
        guard
            !trimmed.unicodeScalars.contains(where: {
                $0.properties.generalCategory == .control && !allowed.contains($0)
            })
        else {
            throw invalid(field, "must not contain control characters")
        }
        return trimmed
    }

    /// Like ``text(_:_:maxBytes:)`` but `nil` stays `nil`.
    func optionalText(_ value: String?, _ field: String, maxBytes: Int = 1024) throws(SsoError) -> String? {
        guard let value else { return nil }
        return try text(value, field, maxBytes: maxBytes)
    }

    /// A non-empty secret without NUL bytes (C libraries read it as a C string). Not trimmed.
    func secret(_ value: Secret?, _ field: String) throws(SsoError) -> Secret {
        guard let value else { throw invalid(field, "is required") }
        let (empty, tooLong, hasNUL) = value.withUnsafeValue { ($0.isEmpty, $0.utf8.count > 4096, $0.utf8.contains(0)) }
        guard !empty else { throw invalid(field, "must not be empty") }
        guard !tooLong else { throw invalid(field, "must be at most 4096 bytes") }
        guard !hasNUL else { throw invalid(field, "must not contain NUL characters") }
        return value
    }

    /// An absolute `https` URL, or `http` for a loopback host (127.0.0.0/8, ::1, localhost), checked
    /// by the one URL parser every module uses (``EndpointURL``); no query when `allowQuery` is false.
    func webURL(_ value: String?, _ field: String, allowQuery: Bool = true) throws(SsoError) -> String {
        let text = try text(value, field, maxBytes: EndpointURL.maxBytes)
        return try EndpointURL(text, field: "\(field):", invalid: code, insecure: code, allowQuery: allowQuery).text
    }

    /// A distinguished name: text with at least one `attribute=value` pair.
    func distinguishedName(_ value: String?, _ field: String) throws(SsoError) -> String {
        let dn = try text(value, field)
        guard dn.contains("="), !dn.hasPrefix("=") else {
            throw invalid(field, "must be a distinguished name (e.g. ou=people,dc=example,dc=com)")
        }
        return dn
    }

    /// A list of trimmed texts, each checked, duplicates removed, at most `maxCount` entries.
    func textList(_ values: [String], _ field: String, maxCount: Int, maxBytes: Int = 128) throws(SsoError) -> [String]
    {
        guard values.count <= maxCount else { throw invalid(field, "must have at most \(maxCount) entries") }
        var out: [String] = []
        for (index, value) in values.enumerated() {
            let item = try text(value, "\(field)[\(index)]", maxBytes: maxBytes)
            if !out.contains(item) { out.append(item) }
        }
        return out
    }

    /// Requires `value` to be absent because the field belongs to another protocol.
    func absent(_ isSet: Bool, _ field: String, for proto: SsoProtocol) throws(SsoError) {
        if isSet { throw invalid(field, "is not used by \(proto.rawValue) connections") }
    }
}
