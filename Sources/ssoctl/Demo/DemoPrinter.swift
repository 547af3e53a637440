import Foundation
import SsoCore

/// Prints the demo's steps and remembers everything it printed, so the demo can prove at the
/// end that no secret was shown.
final class DemoPrinter: Sendable {
    private let transcript = LockedValue<[String]>([])
    private let steps = LockedValue(0)

    /// The number of steps printed so far.
    var stepCount: Int { steps.withLock { $0 } }

    /// Prints one line.
    func line(_ text: String) {
        transcript.withLock { $0.append(text) }
        print(text)
    }

    /// Prints a numbered step heading.
    func step(_ title: String) {
        let number = steps.withLock { count -> Int in
            count += 1
            return count
        }
        line("")
        line("── \(number). \(title)")
    }

    /// Prints an indented detail line.
    func detail(_ text: String) {
        for part in text.split(separator: "\n", omittingEmptySubsequences: false) {
            line("   \(part)")
        }
    }

    /// Prints a check mark line.
    func ok(_ text: String) { line("   ✓ \(text)") }

    /// Prints a failure line.
    func fail(_ text: String) { line("   ✗ \(text)") }

    /// Prints `value` as pretty JSON with sorted keys, indented.
    func json<T: Encodable>(_ value: T) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return fail("could not encode \(T.self)") }
        detail(String(decoding: data, as: UTF8.self))
    }

    /// Whether any of `secrets` appears anywhere in what was printed.
    func leaked(_ secrets: [String]) -> Bool {
        let all = transcript.withLock { $0.joined(separator: "\n") }
        return secrets.contains { all.contains($0) }
    }
}
