extension SsoError.Code {
    /// No connection with this id exists in this organization (ids of other organizations included).
    public static let connectionNotFound: Self = "connection.not_found"
    /// Connection parameters are invalid; the message starts with the field name (`issuer_url: …`).
    public static let connectionInvalidParams: Self = "connection.invalid_params"
    /// The connection exists but is inactive, so it cannot be used to log in.
    public static let connectionInactive: Self = "connection.inactive"
    /// The organization already has the maximum number of connections.
    public static let connectionLimitReached: Self = "connection.limit_reached"
    /// No active session with this id exists in this organization.
    public static let sessionNotFound: Self = "session.not_found"
    /// A session could not be created (e.g. its expiry cap is already in the past).
    public static let sessionInvalid: Self = "session.invalid"
    /// The organization has no legacy single-config OIDC configuration.
    public static let configNotFound: Self = "config.not_found"
    /// Legacy config parameters are invalid; the message starts with the field name.
    public static let configInvalidParams: Self = "config.invalid_params"
    /// Enforcement parameters are invalid; the message starts with the field name.
    public static let enforcementInvalidParams: Self = "enforcement.invalid_params"
    /// An organization id is empty, too long or contains control characters.
    public static let organizationInvalidID: Self = "organization.invalid_id"
    /// A user is unknown to the connection and JIT provisioning is off.
    public static let userNotProvisioned: Self = "user.not_provisioned"
    /// An identity cannot be used: no subject, no or unverified email, or an email domain that
    /// the connection does not claim.
    public static let userIdentityRejected: Self = "user.identity_rejected"
    /// The user directory holds the subject under another issuer (a directory keyed by
    /// (connection, subject) only, after the connection's IdP changed); the record is not reused.
    public static let userIdentityConflict: Self = "user.identity_conflict"
    /// A store failed (the underlying error is attached; nothing was half-written by the engine).
    public static let storeFailed: Self = "store.failed"
}

extension SsoError.Code {
    /// A login callback's state is unknown, already used, expired, or its connection is gone or inactive.
    public static let loginInvalidState: Self = "login.invalid_state"
}
