/// A simple bind: a DN and a password.
public struct LDAPBindRequest: Sendable {
    /// The entry to bind as.
    public var dn: String
    /// The password. Connections never log it and drop their copy after the bind.
    public var password: Secret
    /// Whether to send the password-policy request control (draft-behera-ldap-password-policy).
    public var requestPasswordPolicy: Bool

    /// A simple bind as `dn`, asking for the password-policy control unless told not to.
    public init(dn: String, password: Secret, requestPasswordPolicy: Bool = true) {
        self.dn = dn
        self.password = password
        self.requestPasswordPolicy = requestPasswordPolicy
    }
}

/// The server's answer to a bind.
public struct LDAPBindResponse: Sendable, Equatable {
    /// The LDAP result code (0 success, 49 invalid credentials, …).
    public var resultCode: LDAPResultCode
    /// The server's diagnostic message, e.g. Active Directory's
    /// `80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 52e, v4563`.
    public var diagnosticMessage: String
    /// The password-policy response control, when the server sent one.
    public var passwordPolicy: LDAPPasswordPolicyResponse?

    /// The server's answer to a bind.
    public init(
        resultCode: LDAPResultCode, diagnosticMessage: String = "", passwordPolicy: LDAPPasswordPolicyResponse? = nil
    ) {
        self.resultCode = resultCode
        self.diagnosticMessage = diagnosticMessage
        self.passwordPolicy = passwordPolicy
    }
}

/// The password-policy response control (draft-behera-ldap-password-policy-10 §6.2).
public struct LDAPPasswordPolicyResponse: Sendable, Equatable {
    /// The policy error, if any.
    public var error: LDAPPasswordPolicyViolation?
    /// Seconds until the password expires (a warning), when sent.
    public var secondsBeforeExpiration: Int?
    /// Grace logins left after expiry, when sent.
    public var graceAuthenticationsRemaining: Int?

    /// The decoded password-policy response control.
    public init(
        error: LDAPPasswordPolicyViolation? = nil, secondsBeforeExpiration: Int? = nil,
        graceAuthenticationsRemaining: Int? = nil
    ) {
        self.error = error
        self.secondsBeforeExpiration = secondsBeforeExpiration
        self.graceAuthenticationsRemaining = graceAuthenticationsRemaining
    }
}

/// The error values of the password-policy response control.
public struct LDAPPasswordPolicyViolation: RawRepresentable, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `0`: password expired.
    public static let passwordExpired = Self(rawValue: 0)
    /// `1`: account locked.
    public static let accountLocked = Self(rawValue: 1)
    /// `2`: change after reset.
    public static let changeAfterReset = Self(rawValue: 2)
    /// `3`: password mod not allowed.
    public static let passwordModNotAllowed = Self(rawValue: 3)
    /// `4`: must supply old password.
    public static let mustSupplyOldPassword = Self(rawValue: 4)
    /// `5`: insufficient password quality.
    public static let insufficientPasswordQuality = Self(rawValue: 5)
    /// `6`: password too short.
    public static let passwordTooShort = Self(rawValue: 6)
    /// `7`: password too young.
    public static let passwordTooYoung = Self(rawValue: 7)
    /// `8`: password in history.
    public static let passwordInHistory = Self(rawValue: 8)
}
