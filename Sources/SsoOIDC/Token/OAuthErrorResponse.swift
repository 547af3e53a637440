/// An OAuth 2.0 error answer (RFC 6749 §5.2), attached as the `underlying` error of
/// `oidc.token.error` so callers can branch on ``error`` (`invalid_grant`, `invalid_client`…).
public struct OAuthErrorResponse: Error, Sendable, Hashable {
    /// The `error` code, as sent (shortened to 100 printable ASCII characters).
    public let error: String
    /// The `error_description`, if any (shortened to 300 printable characters).
    public let errorDescription: String?
    /// The `error_uri`, if any.
    public let errorURI: String?
    /// The HTTP status of the answer.
    public let status: Int

    /// An error answer from the fields as received, made safe to log: control characters are
    /// dropped (and non-ASCII ones from `error` and `error_uri`); `error` is cut to 100 characters,
    /// the others to 300.
    public init(error: String, errorDescription: String?, errorURI: String?, status: Int) {
        self.error = Self.sanitize(error, limit: 100, asciiOnly: true)
        self.errorDescription = errorDescription.map { Self.sanitize($0, limit: 300, asciiOnly: false) }
        self.errorURI = errorURI.map { Self.sanitize($0, limit: 300, asciiOnly: true) }
        self.status = status
    }

    /// Keeps printable characters only, shortened: the text comes from the network.
    static func sanitize(_ text: String, limit: Int, asciiOnly: Bool) -> String {
        let kept = text.unicodeScalars.filter { scalar in
            scalar.value >= 0x20 && scalar.value != 0x7F && (!asciiOnly || scalar.value < 0x7F)
        }
        return String(String.UnicodeScalarView(kept.prefix(limit)))
    }
}
