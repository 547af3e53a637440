extension SsoError.Code {
    // MARK: Configuration

    /// The relying party's own configuration is unusable (issuer, redirect URI, scopes, client id).
    public static let oidcConfigInvalid: Self = "oidc.config.invalid"

    // MARK: Discovery

    /// The discovery document is not a JSON object, or is not valid JSON.
    public static let oidcDiscoveryInvalidJSON: Self = "oidc.discovery.invalid_json"
    /// The discovery document's `issuer` is not exactly the configured issuer.
    public static let oidcDiscoveryIssuerMismatch: Self = "oidc.discovery.issuer_mismatch"
    /// A required member of the discovery document is missing.
    public static let oidcDiscoveryMissingField: Self = "oidc.discovery.missing_field"
    /// A member of the discovery document has the wrong JSON type or an unusable value.
    public static let oidcDiscoveryInvalidField: Self = "oidc.discovery.invalid_field"
    /// An endpoint URL in the discovery document is malformed (not absolute, has a fragment…).
    public static let oidcDiscoveryInvalidURL: Self = "oidc.discovery.invalid_url"
    /// An endpoint uses `http` for a host that is not loopback.
    public static let oidcDiscoveryInsecureURL: Self = "oidc.discovery.insecure_url"
    /// The provider does not support the authorization-code flow (`response_types_supported`).
    public static let oidcDiscoveryCodeFlowUnsupported: Self = "oidc.discovery.code_flow_unsupported"
    /// The discovery endpoint answered with a non-200 status.
    public static let oidcDiscoveryHTTPStatus: Self = "oidc.discovery.http_status"

    // MARK: JWKS

    /// The JWKS endpoint answered with a non-200 status.
    public static let oidcJWKSHTTPStatus: Self = "oidc.jwks.http_status"
    /// The JWKS document is larger than the limit (64 KiB by default).
    public static let oidcJWKSTooLarge: Self = "oidc.jwks.too_large"
    /// The JWKS holds no key that can verify ID tokens (connection test).
    public static let oidcJWKSNoUsableKeys: Self = "oidc.jwks.no_usable_keys"

    // MARK: Authorization request and callback

    /// An authorization-request parameter is unusable (negative `max_age`, empty `login_hint`…).
    public static let oidcAuthorizationInvalidParameter: Self = "oidc.authorization.invalid_parameter"
    /// The callback's `state` is missing, unknown, expired, already used, or belongs to another client.
    public static let oidcStateInvalid: Self = "oidc.state.invalid"
    /// The callback carries no authorization `code`.
    public static let oidcCallbackCodeMissing: Self = "oidc.callback.code_missing"
    /// The provider redirected back with an `error` instead of a code.
    public static let oidcCallbackError: Self = "oidc.callback.error"
    /// The callback query is malformed (bad escapes, repeated parameters, too long).
    public static let oidcCallbackMalformed: Self = "oidc.callback.malformed"
    /// The callback's `iss` parameter (RFC 9207) is not the provider's issuer: a mix-up attack.
    public static let oidcCallbackIssuerMismatch: Self = "oidc.callback.issuer_mismatch"
    /// The callback has no `iss` parameter although the provider's discovery document promises one
    /// (`authorization_response_iss_parameter_supported`, RFC 9207 §2.4).
    public static let oidcCallbackIssuerMissing: Self = "oidc.callback.issuer_missing"

    // MARK: Token endpoint

    /// The token endpoint answered with an OAuth error (`error`, `error_description`).
    public static let oidcTokenError: Self = "oidc.token.error"
    /// The token endpoint answered with an unexpected status and no OAuth error body.
    public static let oidcTokenHTTPStatus: Self = "oidc.token.http_status"
    /// The token response is not a JSON object or a member has the wrong type.
    public static let oidcTokenInvalidResponse: Self = "oidc.token.invalid_response"
    /// The token response has no `id_token`.
    public static let oidcTokenIDTokenMissing: Self = "oidc.token.id_token_missing"
    /// The token response has no `access_token`.
    public static let oidcTokenAccessTokenMissing: Self = "oidc.token.access_token_missing"
    /// The token response's `token_type` is missing or not `Bearer`.
    public static let oidcTokenTypeInvalid: Self = "oidc.token.token_type_invalid"

    // MARK: ID-token claim rules (OpenID Connect; the codes keep their historic `jose.claims.` prefix)

    /// `azp` is missing with several audiences, or is not the client id.
    public static let joseClaimsAzp: Self = "jose.claims.azp"
    /// `nonce` is missing or differs from the expected one.
    public static let joseClaimsNonce: Self = "jose.claims.nonce"
    /// `at_hash` is missing (when required) or does not match the access token.
    public static let joseClaimsAtHash: Self = "jose.claims.at_hash"
    /// `c_hash` is missing (when required) or does not match the authorization code.
    public static let joseClaimsCHash: Self = "jose.claims.c_hash"
    /// `auth_time` is missing while `max_age` was requested, or the authentication is too old.
    public static let joseClaimsAuthTime: Self = "jose.claims.auth_time"
    /// The validation inputs themselves are unusable (e.g. `requireAtHash` without an access token).
    public static let joseClaimsOptions: Self = "jose.claims.options"

    // MARK: ID token, Entra ID multi-tenant

    /// An Entra ID multi-tenant token has no usable `tid` claim.
    public static let oidcIDTokenTenantMissing: Self = "oidc.id_token.tenant_missing"
    /// An Entra ID multi-tenant token's `iss` does not match its `tid`, or the tenant is not allowed.
    public static let oidcIDTokenTenantMismatch: Self = "oidc.id_token.tenant_mismatch"

    // MARK: Userinfo

    /// The provider has no `userinfo_endpoint` but userinfo was requested.
    public static let oidcUserinfoUnavailable: Self = "oidc.userinfo.unavailable"
    /// The userinfo endpoint answered with a non-200 status.
    public static let oidcUserinfoHTTPStatus: Self = "oidc.userinfo.http_status"
    /// The userinfo response is not a JSON object (signed or encrypted userinfo is not supported).
    public static let oidcUserinfoInvalidResponse: Self = "oidc.userinfo.invalid_response"
    /// The userinfo response has no `sub`.
    public static let oidcUserinfoSubMissing: Self = "oidc.userinfo.sub_missing"
    /// The userinfo `sub` differs from the ID token's `sub` (OpenID Connect Core §5.3.2).
    public static let oidcUserinfoSubMismatch: Self = "oidc.userinfo.sub_mismatch"
}
