import SsoJOSE

/// A successful token response (RFC 6749 §5.1, OpenID Connect Core §3.1.3.3), checked:
/// `token_type` is `Bearer` (any case), `access_token` and `id_token` are present.
///
/// Tokens are credentials: ``accessToken`` and ``refreshToken`` are ``/SsoCore/Secret``s and the
/// `description` shows none of them.
public struct TokenResponse: Sendable, CustomStringConvertible, CustomReflectable {
    /// The raw ID token (compact JWS), not yet validated.
    public let idToken: String
    /// The access token.
    public let accessToken: Secret
    /// The refresh token, if any.
    public let refreshToken: Secret?
    /// `token_type` as sent (`Bearer` in some case).
    public let tokenType: String
    /// `expires_in` seconds, if sent.
    public let expiresIn: Int?
    /// `scope`, if sent (the granted scopes when they differ from the requested ones).
    public let scope: String?

    /// The largest token response read (default 64 KiB).
    package static let defaultMaxBytes = 64 * 1024

    /// Interprets a token-endpoint answer.
    ///
    /// A 4xx/5xx answer with an OAuth error body becomes `oidc.token.error` whose `underlying` is
    /// an ``OAuthErrorResponse``; any other non-200 answer becomes `oidc.token.http_status`.
    package static func parse(status: Int, body: [UInt8], maxBytes: Int = defaultMaxBytes) throws(SsoError)
        -> TokenResponse
    {
        let limits = JSONLimits(maxBytes: maxBytes, maxDepth: 8)
        guard status == 200 else {
            if let reader = try? JSONObjectReader(
                parsing: body, limits: limits, what: "token error response", notObject: .oidcTokenInvalidResponse,
                missing: .oidcTokenInvalidResponse, invalid: .oidcTokenInvalidResponse),
                let code = try? reader.string("error")
            {
                let oauth = OAuthErrorResponse(
                    error: code, errorDescription: try? reader.optionalString("error_description"),
                    errorURI: try? reader.optionalString("error_uri"), status: status)
                let detail = oauth.errorDescription.map { ": \($0)" } ?? ""
                throw SsoError(
                    .oidcTokenError, "the token endpoint refused the request (\(oauth.error)\(detail))",
                    underlying: oauth)
            }
            throw SsoError(.oidcTokenHTTPStatus, "the token endpoint answered with HTTP status \(status)")
        }
        let reader = try JSONObjectReader(
            parsing: body, limits: limits, what: "token response", notObject: .oidcTokenInvalidResponse,
            missing: .oidcTokenInvalidResponse, invalid: .oidcTokenInvalidResponse)
        if let code = try? reader.string("error") {
            let oauth = OAuthErrorResponse(
                error: code, errorDescription: try? reader.optionalString("error_description"),
                errorURI: try? reader.optionalString("error_uri"), status: status)
            throw SsoError(
                .oidcTokenError, "the token endpoint answered with an error (\(oauth.error))",
                underlying: oauth)
        }
        guard let tokenType = try reader.optionalString("token_type") else {
            throw SsoError(.oidcTokenTypeInvalid, "the token response has no token_type")
        }
        guard tokenType.lowercased() == "bearer" else {
            throw SsoError(
                .oidcTokenTypeInvalid,
                "the token type \(ProviderMetadata.quoted(tokenType)) is not Bearer")
        }
        guard let accessToken = try reader.optionalString("access_token"), !accessToken.isEmpty else {
            throw SsoError(.oidcTokenAccessTokenMissing, "the token response has no access_token")
        }
        guard let idToken = try reader.optionalString("id_token"), !idToken.isEmpty else {
            throw SsoError(.oidcTokenIDTokenMissing, "the token response has no id_token")
        }
        let refreshToken = try reader.optionalString("refresh_token").map(Secret.init)
        return TokenResponse(
            idToken: idToken, accessToken: Secret(accessToken), refreshToken: refreshToken, tokenType: tokenType,
            expiresIn: (try? reader.optionalInteger("expires_in")) ?? nil, scope: try reader.optionalString("scope"))
    }

    public var description: String {
        "TokenResponse(tokenType: \(tokenType), expiresIn: \(expiresIn.map(String.init) ?? "nil"), <tokens redacted>)"
    }

    public var customMirror: Mirror {
        Mirror(self, children: ["tokenType": tokenType, "expiresIn": expiresIn as Any], displayStyle: .struct)
    }
}
