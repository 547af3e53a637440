import HTTPTypes

/// The authorization-code token request (RFC 6749 §4.1.3 with RFC 7636 §4.5), ready to send.
///
/// Its `description` shows neither the code, the verifier nor the client secret.
package struct TokenRequest: Sendable, CustomStringConvertible {
    /// The request head (method, URL, headers including any `Authorization`).
    package let request: HTTPRequest
    /// The form-url-encoded body.
    package let body: [UInt8]

    /// Builds the request for `code`, authenticating with `method`.
    package static func make(
        tokenEndpoint: String,
        code: Secret,
        redirectURI: String,
        codeVerifier: Secret,
        clientID: String,
        clientSecret: Secret,
        method: ClientAuthenticationMethod = .clientSecretBasic
    ) throws(SsoError) -> TokenRequest {
        let url = try EndpointURL(
            tokenEndpoint, field: "token_endpoint", invalid: .oidcDiscoveryInvalidURL,
            insecure: .oidcDiscoveryInsecureURL)
        var form: [(String, String)] = [
            ("grant_type", "authorization_code"),
            ("code", code.unsafeValue),
            ("redirect_uri", redirectURI),
            ("code_verifier", codeVerifier.unsafeValue),
        ]
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers[.accept] = "application/json"
        switch method {
        case .clientSecretBasic:
            headers[.authorization] = basicAuthorization(clientID: clientID, clientSecret: clientSecret)
        case .clientSecretPost:
            form.append(("client_id", clientID))
            form.append(("client_secret", clientSecret.unsafeValue))
        default:
            throw SsoError(.oidcConfigInvalid, "the client authentication method \(method) is not supported")
        }
        return TokenRequest(
            request: url.request(method: .post, headers: headers), body: Array(FormURLEncoding.formBody(form).utf8))
    }

    /// `Basic base64(form(id) ":" form(secret))`, as RFC 6749 §2.3.1 requires.
    package static func basicAuthorization(clientID: String, clientSecret: Secret) -> String {
        let credentials =
            FormURLEncoding.formEncode(clientID) + ":" + FormURLEncoding.formEncode(clientSecret.unsafeValue)
        return "Basic " + Base64.encode(Array(credentials.utf8))
    }

    package var description: String {
        "TokenRequest(\(request.method) \(request.scheme ?? "")://\(request.authority ?? "")\(request.path ?? ""), <body redacted>)"
    }
}
