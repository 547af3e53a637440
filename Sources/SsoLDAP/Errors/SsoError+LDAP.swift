extension SsoError.Code {
    /// The username or the password is wrong, or the user does not exist (deliberately one code).
    public static let ldapInvalidCredentials: Self = "ldap.invalid_credentials"
    /// The account is locked (ppolicy `accountLocked`, Active Directory `data 775`).
    public static let ldapAccountLocked: Self = "ldap.account_locked"
    /// The account is disabled (Active Directory `data 533`).
    public static let ldapAccountDisabled: Self = "ldap.account_disabled"
    /// The account has expired (Active Directory `data 701`).
    public static let ldapAccountExpired: Self = "ldap.account_expired"
    /// The password has expired (ppolicy `passwordExpired`, Active Directory `data 532`).
    public static let ldapPasswordExpired: Self = "ldap.password_expired"
    /// The password must be changed before use (ppolicy `changeAfterReset`, Active Directory `data 773`).
    public static let ldapPasswordMustChange: Self = "ldap.password_must_change"
    /// The account may not log in now or from here (Active Directory `data 530/531`).
    public static let ldapLogonRestricted: Self = "ldap.logon_restricted"
    /// The username matched more than one directory entry.
    public static let ldapAmbiguousUser: Self = "ldap.ambiguous_user"
    /// An empty password was refused before any network traffic (RFC 4513 §5.1.2).
    public static let ldapEmptyPassword: Self = "ldap.empty_password"
    /// The username is empty, too long, or contains control characters.
    public static let ldapInvalidUsername: Self = "ldap.invalid_username"
    /// The directory server cannot be reached or closed the connection.
    public static let ldapServerDown: Self = "ldap.server_down"
    /// The operation or the whole authentication ran past its deadline.
    public static let ldapTimeout: Self = "ldap.timeout"
    /// TLS could not be established (StartTLS refused, untrusted certificate, wrong host name).
    public static let ldapTLSFailed: Self = "ldap.tls_failed"
    /// The user is in no mapped group and the connection requires one.
    public static let ldapGroupRequired: Self = "ldap.group_required"
    /// The service account could not bind: the connection's configuration is wrong.
    public static let ldapServiceBindFailed: Self = "ldap.service_bind_failed"
    /// The configuration is invalid (URL, TLS mode, attribute names, filters, templates).
    public static let ldapInvalidConfiguration: Self = "ldap.invalid_configuration"
    /// A search failed on the server (no such base, insufficient access, bad filter, …).
    public static let ldapSearchFailed: Self = "ldap.search_failed"
    /// A search returned more entries than its limit.
    public static let ldapSizeLimitExceeded: Self = "ldap.size_limit_exceeded"
    /// The user's entry has no value for the configured stable-id attribute.
    public static let ldapMissingIdentifier: Self = "ldap.missing_identifier"
    /// The server answered a bind with an unexpected result.
    public static let ldapBindFailed: Self = "ldap.bind_failed"
    /// The server returned a referral, which this connection does not follow.
    public static let ldapReferral: Self = "ldap.referral"
    /// The connection has been closed or is no longer usable.
    public static let ldapConnectionClosed: Self = "ldap.connection_closed"
}
