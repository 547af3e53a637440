import Foundation
import Testing

/// Fails when library code compares a protocol identifier with Swift's `==`, `!=` or
/// `contains(_:)`, which are Unicode canonical equivalence (KELVIN SIGN equals `K`). Identifiers
/// must go through `bytesEqual`, `containsBytes(of:)` or `ExactString` (SsoCore).
///
/// The check is a heuristic over the source text: an operand whose name ends like an identifier
/// (`…ID`, `issuer`, `audience`, `url`, `state`, `kid`, …) or that reads an XML attribute. A line
/// that compares something else with such a name (an integer waiter id, say) says so with
/// `// exact-compare: not a string`.
@Suite("Identifiers are compared as bytes")
struct IdentifierComparisonLintTests {
    static let modules = [
        "SsoCore", "SsoJOSE", "SsoOIDC", "SsoSAML", "SsoLDAP", "SsoRouting", "Sso", "SsoTesting", "ssoctl",
        "SsoHummingbird", "SsoStorage", "SsoSQLite", "SsoPostgres", "SsoAsyncHTTPClient",
    ]

    /// Name endings that mark a protocol identifier (matched case-insensitively).
    static let identifierEndings = [
        "id", "ids", "issuer", "issuers", "audience", "audiences", "url", "urls", "uri", "uris", "nonce", "state",
        "kid", "keyid", "subject", "relaystate", "destination", "recipient", "inresponseto", "entityid", "clientid",
        "party", "location", "binding", "tenant", "sid", "jti", "host", "authority", "thumbprint",
    ]

    // A small scanner rather than Swift `Regex`: the regex runtime's compiled programs are
    // reported as leaks under AddressSanitizer, which CI runs this suite with.
    static func isNameCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "$" || c == "." || c == "?" || c == "!"
    }

    /// The operand that ends just before `end` (`configuration.acsURL`, `element.attribute("ID")`).
    static func operand(endingBefore end: String.Index, in code: String) -> String {
        var index = end
        while index > code.startIndex, code[code.index(before: index)] == " " { index = code.index(before: index) }
        let last = index
        if index > code.startIndex, code[code.index(before: index)] == ")" {
            var depth = 0
            while index > code.startIndex {
                index = code.index(before: index)
                if code[index] == ")" { depth += 1 }
                if code[index] == "(" { depth -= 1 }
                if depth == 0 { break }
            }
        }
        while index > code.startIndex, isNameCharacter(code[code.index(before: index)]) {
            index = code.index(before: index)
        }
        return String(code[index..<last])
    }

    /// The operand that starts at or after `start`.
    static func operand(startingAt start: String.Index, in code: String) -> String {
        var index = start
        while index < code.endIndex, code[index] == " " { index = code.index(after: index) }
        let first = index
        while index < code.endIndex, isNameCharacter(code[index]) || code[index] == "\"" {
            index = code.index(after: index)
        }
        if index < code.endIndex, code[index] == "(" {
            var depth = 0
            while index < code.endIndex {
                if code[index] == "(" { depth += 1 }
                if code[index] == ")" { depth -= 1 }
                index = code.index(after: index)
                if depth == 0 { break }
            }
        }
        return String(code[first..<index])
    }

    /// The last name of an operand (`configuration.acsURL` → `acsURL`), or `attribute` for an
    /// XML attribute read (`element.attribute("ID")`).
    static func operandName(_ operand: String) -> String {
        if operand.contains("attribute(\"") { return "attribute" }
        var text = operand
        if let open = text.firstIndex(of: "(") { text = String(text[..<open]) }
        let last = text.split(separator: ".").last.map(String.init) ?? text
        return last.trimmingCharacters(in: CharacterSet(charactersIn: "?!"))
    }

    static func isIdentifier(_ operand: String) -> Bool {
        let name = operandName(operand)
        guard let first = name.first, first.isLetter || first == "_" || first == "$" else { return false }
        let lower = name.lowercased()
        return name == "attribute" || identifierEndings.contains { lower.hasSuffix($0) }
    }

    /// Whether `line` compares an identifier with canonical equivalence.
    static func flags(_ line: String) -> Bool {
        guard !line.contains("exact-compare: not a string") else { return false }
        let code = line.components(separatedBy: "//").first ?? line
        for op in [" == ", " != "] {
            var searchStart = code.startIndex
            while let found = code.range(of: op, range: searchStart..<code.endIndex) {
                let operands = [
                    operand(endingBefore: found.lowerBound, in: code), operand(startingAt: found.upperBound, in: code),
                ]
                // `nil`, a number or an enum case (`.locked`) on one side: not two strings.
                let notAString = operands.contains { $0 == "nil" || $0.first == "." || $0.first?.isNumber == true }
                if !notAString, operands.contains(where: isIdentifier) { return true }
                searchStart = found.upperBound
            }
        }
        var searchStart = code.startIndex
        while let found = code.range(of: ".contains(", range: searchStart..<code.endIndex) {
            let rest = code[found.upperBound...]
            if let close = rest.firstIndex(of: ")") {
                let argument = String(rest[..<close])
                if argument.allSatisfy(isNameCharacter), isIdentifier(argument) { return true }
            }
            searchStart = found.upperBound
        }
        return false
    }

    static var sourcesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
    }

    @Test("the check recognises the comparisons it must refuse, and lets the right ones pass")
    func recognises() {
        let refused = [
            "guard destination == configuration.acsURL else {",
            "guard audiences.contains(options.clientID) else {",
            "if let entityID, root.attribute(\"entityID\") != entityID {",
            "guard let pending = taken, pending.state == state else {",
            "for key in keys where key.keyID == kid {",
            "guard inResponseTo == expectedRequestID else {",
            "clock.now.timeIntervalSince(grant.issuedAt) <= 600, form[\"redirect_uri\"] == grant.redirectURI",
        ]
        let allowed = [
            "guard destination.bytesEqual(configuration.acsURL) else {",
            "guard audiences.containsBytes(of: options.clientID) else {",
            "guard datas.count == 1, let data = datas.first else {",
            "if let issuer = response.firstChild(ns, \"Issuer\"), issuer.attribute(\"Format\") != nil {",
            "guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }  // exact-compare: not a string",
            "guard cxml_register_id(element.document.pointer, attr) == 0 else {",
            "if account.state == .locked { return failure(\"775\") }",
        ]
        for line in refused { #expect(Self.flags(line), "should be refused: \(line)") }
        for line in allowed { #expect(!Self.flags(line), "should pass: \(line)") }
    }

    @Test("no protocol module compares an identifier String with == or contains")
    func noCanonicalComparisons() throws {
        var scanned = 0
        var exactComparisons = 0
        var offenders: [String] = []
        for module in Self.modules {
            let folder = Self.sourcesDirectory.appendingPathComponent(module)
            let files =
                FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
            for file in files {
                scanned += 1
                let text = try String(contentsOf: file, encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let line = String(line)
                    if line.contains("bytesEqual(") || line.contains("containsBytes(of:") { exactComparisons += 1 }
                    if Self.flags(line) {
                        offenders.append("\(module)/\(file.lastPathComponent):\(number + 1): \(line)")
                    }
                }
            }
        }
        // Not vacuous: the scan found the sources and the byte comparisons that replaced `==`.
        #expect(scanned > 200, "only \(scanned) Swift files found under \(Self.sourcesDirectory.path)")
        #expect(exactComparisons > 40)
        #expect(
            offenders.isEmpty, "identifiers compared with canonical equivalence:\n\(offenders.joined(separator: "\n"))")
    }
}
