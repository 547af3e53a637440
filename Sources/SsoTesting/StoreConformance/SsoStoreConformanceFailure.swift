/// A store misbehaved in an ``SsoStoreConformance`` check: what was expected, and where in the
/// suite it was checked.
public struct SsoStoreConformanceFailure: Error, Sendable, CustomStringConvertible {
    /// What the store did wrong.
    public let message: String
    /// The suite file of the failed expectation (`#fileID`).
    public let file: String
    /// The line of the failed expectation.
    public let line: Int

    /// A failure described by `message`, found at `file`:`line`.
    public init(_ message: String, file: String = #fileID, line: Int = #line) {
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line): store conformance failure: \(message)" }
}
