/// An LDAP result code (RFC 4511 §4.1.9). A struct, not an enum: servers send codes we do not name.
public struct LDAPResultCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `0`: success.
    public static let success = Self(rawValue: 0)
    /// `1`: operations error.
    public static let operationsError = Self(rawValue: 1)
    /// `2`: protocol error.
    public static let protocolError = Self(rawValue: 2)
    /// `3`: time limit exceeded.
    public static let timeLimitExceeded = Self(rawValue: 3)
    /// `4`: size limit exceeded.
    public static let sizeLimitExceeded = Self(rawValue: 4)
    /// `7`: auth method not supported.
    public static let authMethodNotSupported = Self(rawValue: 7)
    /// `8`: stronger auth required.
    public static let strongerAuthRequired = Self(rawValue: 8)
    /// `10`: referral.
    public static let referral = Self(rawValue: 10)
    /// `11`: admin limit exceeded.
    public static let adminLimitExceeded = Self(rawValue: 11)
    /// `13`: confidentiality required.
    public static let confidentialityRequired = Self(rawValue: 13)
    /// `32`: no such object.
    public static let noSuchObject = Self(rawValue: 32)
    /// `34`: invalid dnsyntax.
    public static let invalidDNSyntax = Self(rawValue: 34)
    /// `48`: inappropriate authentication.
    public static let inappropriateAuthentication = Self(rawValue: 48)
    /// `49`: invalid credentials.
    public static let invalidCredentials = Self(rawValue: 49)
    /// `50`: insufficient access rights.
    public static let insufficientAccessRights = Self(rawValue: 50)
    /// `51`: busy.
    public static let busy = Self(rawValue: 51)
    /// `52`: unavailable.
    public static let unavailable = Self(rawValue: 52)
    /// `53`: unwilling to perform.
    public static let unwillingToPerform = Self(rawValue: 53)
    /// `80`: other.
    public static let other = Self(rawValue: 80)

    public var description: String { "\(rawValue)" }
}
