import ArgumentParser
import Foundation
import SsoCore

/// The output contract of every `ssoctl` validation command: one JSON object on standard output,
/// exit 0 when valid, exit 1 with `{"ok":false,"error":{"code":…,"message":…}}` when rejected,
/// exit 2 for a usage error (see `SsoCtl.main`).
enum CommandOutput {
    /// Prints `object` as one line of JSON with sorted keys.
    static func printJSON(_ object: [String: Any]) {
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        if let data = try? JSONSerialization.data(withJSONObject: object, options: options) {
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
    }

    /// Prints a success object (`ok: true` plus `fields`).
    static func succeed(_ fields: [String: Any]) {
        var object = fields
        object["ok"] = true
        printJSON(object)
    }

    /// Prints the rejection object for `error` and returns the exit code to throw (1).
    static func reject(_ error: SsoError) -> ExitCode {
        printJSON(["ok": false, "error": ["code": error.code.rawValue, "message": error.message]])
        return ExitCode(1)
    }

    /// Reads a whole file, or standard input for `-`. Refuses more than `limit` bytes.
    static func readInput(_ path: String, limit: Int = 8 << 20) throws(SsoError) -> [UInt8] {
        let data: Data?
        if path == "-" {
            data = try? FileHandle.standardInput.readToEnd()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        guard let data else {
            throw SsoError(.cliInputUnreadable, "cannot read \(path == "-" ? "standard input" : path)")
        }
        guard data.count <= limit else {
            throw SsoError(.inputTooLarge, "the input is larger than \(limit) bytes")
        }
        return Array(data)
    }
}

extension SsoError.Code {
    /// `ssoctl` could not read a file it was given.
    static let cliInputUnreadable: Self = "cli.input_unreadable"
}
