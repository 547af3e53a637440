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
    static let modules = ["SsoCore", "SsoJOSE", "SsoOIDC", "SsoSAML", "SsoLDAP", "SsoRouting", "Sso", "SsoTesting", "ssoctl"]

    nonisolated(unsafe) static let identifierName =
        /(?i)(id|ids|issuer|issuers|audience|audiences|url|urls|uri|uris|nonce|state|kid|keyid|subject|relaystate|destination|recipient|inresponseto|entityid|clientid|party|location|binding|tenant|sid|jti|host|authority|thumbprint)$/
    nonisolated(unsafe) static let comparison =
        /([A-Za-z_$][\w$.?!]*(?:\([^()]*\))?)\s*(?:==|!=)\s*([A-Za-z_$"][\w$.?!"]*(?:\([^()]*\))?)/
    nonisolated(unsafe) static let containsCall = /\.contains\(([A-Za-z_$][\w$.]*)\)/

    /// The last name of an operand (`configuration.acsURL` → `acsURL`), or `attribute` for an
    /// XML attribute read (`element.attribute("ID")`).
    static func operandName(_ operand: String) -> String {
        if operand.range(of: #"attribute\(""#, options: .regularExpression) != nil { return "attribute" }
        var text = operand
        if let open = text.firstIndex(of: "(") { text = String(text[..<open]) }
        let last = text.split(separator: ".").last.map(String.init) ?? text
        return last.trimmingCharacters(in: CharacterSet(charactersIn: "?!"))
    }

    static func isIdentifier(_ operand: String) -> Bool {
        let name = operandName(operand)
        return name == "attribute" || name.firstMatch(of: identifierName) != nil
    }

    /// Whether `line` compares an identifier with canonical equivalence.
    static func flags(_ line: String) -> Bool {
        guard !line.contains("exact-compare: not a string") else { return false }
        let code = line.components(separatedBy: "//").first ?? line
        for match in code.matches(of: comparison) {
            let operands = [String(match.output.1), String(match.output.2)]
            if operands.contains("nil") { continue }
            if operands.contains(where: isIdentifier) { return true }
        }
        for match in code.matches(of: containsCall) where isIdentifier(String(match.output.1)) {
            return true
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
        ]
        let allowed = [
            "guard destination.bytesEqual(configuration.acsURL) else {",
            "guard audiences.containsBytes(of: options.clientID) else {",
            "guard datas.count == 1, let data = datas.first else {",
            "if let issuer = response.firstChild(ns, \"Issuer\"), issuer.attribute(\"Format\") != nil {",
            "guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }  // exact-compare: not a string",
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
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
            for file in files {
                scanned += 1
                let text = try String(contentsOf: file, encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let line = String(line)
                    if line.contains("bytesEqual(") || line.contains("containsBytes(of:") { exactComparisons += 1 }
                    if Self.flags(line) { offenders.append("\(module)/\(file.lastPathComponent):\(number + 1): \(line)") }
                }
            }
        }
        // Not vacuous: the scan found the sources and the byte comparisons that replaced `==`.
        #expect(scanned > 200, "only \(scanned) Swift files found under \(Self.sourcesDirectory.path)")
        #expect(exactComparisons > 40)
        #expect(offenders.isEmpty, "identifiers compared with canonical equivalence:\n\(offenders.joined(separator: "\n"))")
    }
}
