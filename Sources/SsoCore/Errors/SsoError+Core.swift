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
}
