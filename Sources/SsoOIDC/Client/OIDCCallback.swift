/// The provider's redirect back to the client, parsed from its query string (pure: no state is
/// looked up). The host takes the pending login stored under the state (also for an error
/// answer, so the state cannot be used again) and, for ``code(_:state:iss:)``, calls
/// ``OIDCClient/complete(code:iss:pending:)-(Secret,_,_)``.
public enum OIDCCallback: Sendable {
    /// `code=…&state=…[&iss=…]`. `code` and `state` are empty strings when absent.
    case code(Secret, state: String, iss: String?)
    /// `error=…[&error_description=…][&error_uri=…][&state=…]`.
    case error(OAuthErrorResponse, state: String?)

    /// The `state` parameter, if any.
    public var state: String? {
        switch self {
        case .code(_, let state, _): state
        case .error(_, let state): state
        }
    }

    /// Parses a callback query: at most 16 KiB, valid form encoding, no repeated parameter
    /// (`oidc.callback.malformed` otherwise).
    public static func parse(query: String) throws(SsoError) -> OIDCCallback {
        guard query.utf8.count <= 16 * 1024, let pairs = FormURLEncoding.parse(query) else {
            throw SsoError(.oidcCallbackMalformed, "the callback query is malformed")
        }
        var values: [String: String] = [:]
        for (name, value) in pairs {
            guard values.updateValue(value, forKey: name) == nil else {
                throw SsoError(.oidcCallbackMalformed, "the callback repeats a parameter")
            }
        }
        if let error = values["error"] {
            let oauth = OAuthErrorResponse(
                error: error, errorDescription: values["error_description"], errorURI: values["error_uri"], status: 302)
            return .error(oauth, state: values["state"])
        }
        return .code(Secret(values["code"] ?? ""), state: values["state"] ?? "", iss: values["iss"])
    }

    /// The error an ``error(_:state:)`` answer becomes: `oidc.callback.error`, whose `underlying`
    /// is the ``OAuthErrorResponse``.
    public static func refusal(_ response: OAuthErrorResponse, file: String = #fileID, line: Int = #line) -> SsoError {
        SsoError(
            .oidcCallbackError, "the provider refused the login (\(response.error))", underlying: response, file: file,
            line: line)
    }
}
