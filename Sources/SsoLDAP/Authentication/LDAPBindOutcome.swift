import Foundation

/// Turns a server's bind answer into "authenticated" or a typed error.
///
/// Reads the password-policy control (OpenLDAP, 389-ds) and Active Directory's
/// `AcceptSecurityContext error, data XXX` sub-codes. A missing user and a wrong password map to
/// the very same error.
package enum LDAPBindOutcome {
    /// The one error for a wrong password and for an unknown user.
    package static var invalidCredentials: SsoError {
        SsoError(.ldapInvalidCredentials, "invalid username or password")
    }

    /// Nil when the bind authenticated the user; otherwise the error to report.
    package static func error(for response: LDAPBindResponse) -> SsoError? {
        if let violation = response.passwordPolicy?.error {
            switch violation {
            case .accountLocked: return SsoError(.ldapAccountLocked, "the account is locked")
            case .passwordExpired: return SsoError(.ldapPasswordExpired, "the password has expired")
            case .changeAfterReset:
                return SsoError(.ldapPasswordMustChange, "the password must be changed before logging in")
            default: break
            }
        }
        if response.resultCode == .success { return nil }
        if let subCode = activeDirectorySubCode(response.diagnosticMessage) {
            switch subCode {
            case "525", "52e": return invalidCredentials
            case "530": return SsoError(.ldapLogonRestricted, "the account may not log in at this time")
            case "531": return SsoError(.ldapLogonRestricted, "the account may not log in from this workstation")
            case "532": return SsoError(.ldapPasswordExpired, "the password has expired")
            case "533": return SsoError(.ldapAccountDisabled, "the account is disabled")
            case "701": return SsoError(.ldapAccountExpired, "the account has expired")
            case "773": return SsoError(.ldapPasswordMustChange, "the password must be changed before logging in")
            case "775": return SsoError(.ldapAccountLocked, "the account is locked")
            default: break
            }
        }
        let message = response.diagnosticMessage.lowercased()
        switch response.resultCode {
        case .invalidCredentials:
            return invalidCredentials
        case .unwillingToPerform where message.contains("inactivated") || message.contains("disabled"):
            return SsoError(.ldapAccountDisabled, "the account is disabled")
        case LDAPResultCode(rawValue: 19) where message.contains("retry limit") || message.contains("locked"):
            return SsoError(.ldapAccountLocked, "the account is locked")
        case .busy, .unavailable:
            return SsoError(.ldapServerDown, "the directory is unavailable (result \(response.resultCode.rawValue))")
        case .confidentialityRequired, .strongerAuthRequired:
            return SsoError(.ldapTLSFailed, "the directory requires a protected connection for binds")
        default:
            return SsoError(.ldapBindFailed, "the directory refused the bind (result \(response.resultCode.rawValue))")
        }
    }

    /// The hex sub-code of Active Directory's `…AcceptSecurityContext error, data 52e, v4563`.
    static func activeDirectorySubCode(_ message: String) -> String? {
        guard message.contains("AcceptSecurityContext"), let range = message.range(of: "data ") else { return nil }
        let code = message[range.upperBound...].prefix { $0.isHexDigit }
        return code.isEmpty ? nil : code.lowercased()
    }
}
