/// The one error type of swift-sso.
///
/// `code` is a stable, dotted, machine-readable string (`saml.signature.invalid`); scripts and
/// host servers branch on it. `message` is for people. Neither ever contains a secret: no
/// password, client secret, token or key material is put into an error.
public struct SsoError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// A stable error code. Modules declare theirs as static members in extensions.
    public struct Code: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }
    }

    /// The stable machine-readable code.
    public let code: Code
    /// A human-readable explanation, free of secrets.
    public let message: String
    /// The lower-level error that caused this one, if any.
    public let underlying: (any Error & Sendable)?
    /// Where the error was created (`#fileID`).
    public let file: String
    /// Where the error was created (`#line`).
    public let line: Int

    /// Creates an error; `file` and `line` default to the caller's location.
    public init(
        _ code: Code,
        _ message: String,
        underlying: (any Error & Sendable)? = nil,
        file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.underlying = underlying
        self.file = file
        self.line = line
    }

    public var description: String { "\(code.rawValue): \(message)" }

    public var debugDescription: String { detailedDescription() }

    /// The error and its chain of causes, one per line, with source locations.
    public func detailedDescription() -> String {
        var lines = ["\(code.rawValue): \(message) (\(file):\(line))"]
        var cause = underlying
        var depth = 0
        while let current = cause, depth < 8 {
            if let sso = current as? SsoError {
                lines.append("  caused by \(sso.code.rawValue): \(sso.message) (\(sso.file):\(sso.line))")
                cause = sso.underlying
            } else {
                lines.append("  caused by \(String(describing: type(of: current)))")
                cause = nil
            }
            depth += 1
        }
        return lines.joined(separator: "\n")
    }
}

extension SsoError: Equatable {
    /// Two errors are equal when their code and message are; location and cause are ignored.
    public static func == (lhs: SsoError, rhs: SsoError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message
    }
}
