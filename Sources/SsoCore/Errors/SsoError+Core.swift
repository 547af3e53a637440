extension SsoError.Code {
    /// A transport failed to deliver a request or its answer.
    public static let httpTransportFailed: Self = "http.transport_failed"
    /// A transport returned more bytes than the caller's limit.
    public static let httpResponseTooLarge: Self = "http.response_too_large"
    /// A server answered with an unexpected HTTP status.
    public static let httpUnexpectedStatus: Self = "http.unexpected_status"
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
