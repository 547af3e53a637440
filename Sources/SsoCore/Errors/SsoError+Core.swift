extension SsoError.Code {
    /// A transport failed to deliver a request or its answer.
    public static let httpTransportFailed: Self = "http.transport_failed"
    /// A transport returned more bytes than the caller's limit.
    public static let httpResponseTooLarge: Self = "http.response_too_large"
    /// A server answered with an unexpected HTTP status.
    public static let httpUnexpectedStatus: Self = "http.unexpected_status"
    /// The server did not answer completely within the transport's deadline (connecting, the
    /// response head or the whole body).
    public static let httpTimeout: Self = "http.timeout"
    /// The TLS handshake failed: an untrusted or invalid certificate, a host name the certificate
    /// does not cover, or no protocol version or cipher in common.
    public static let httpTLSFailed: Self = "http.tls_failed"
    /// A server answered with a redirect (3xx) to a request that never follows one (token, JWKS,
    /// discovery, userinfo).
    public static let httpRedirectRefused: Self = "http.redirect_refused"
    /// A redirect to follow has no single `Location`, or it does not resolve to a valid URL.
    public static let httpRedirectInvalid: Self = "http.redirect_invalid"
    /// A redirect leaves `https` (or starts from plain `http`): it is never followed.
    public static let httpRedirectInsecure: Self = "http.redirect_insecure"
    /// A redirect leads back to a URL this request already asked for.
    public static let httpRedirectLoop: Self = "http.redirect_loop"
    /// A server redirected more often than the request allows.
    public static let httpTooManyRedirects: Self = "http.too_many_redirects"
    /// Base64 or base64url input is malformed.
    public static let encodingInvalidBase64: Self = "encoding.invalid_base64"
    /// An input exceeds a configured size limit.
    public static let inputTooLarge: Self = "input.too_large"
    /// A store refused an entry because it is full.
    public static let storeFull: Self = "store.full"
    /// A store entry with this key already exists.
    public static let storeDuplicateKey: Self = "store.duplicate_key"
    /// A durable store cannot be reached, or did not answer within its deadline.
    public static let storeUnavailable: Self = "store.unavailable"
    /// A durable store holds a newer schema than this build understands.
    public static let storeSchemaTooNew: Self = "store.schema_too_new"
    /// A secrets key is malformed (not 32 bytes of base64).
    public static let storeSecretsKeyInvalid: Self = "store.secrets_key_invalid"
    /// Stored secrets are sealed with a key the keyring does not hold, or no key was given.
    public static let storeSecretsKeyMissing: Self = "store.secrets_key_missing"
    /// A stored secret is not sealed, malformed, or altered.
    public static let storeSecretUnreadable: Self = "store.secret_unreadable"
}
