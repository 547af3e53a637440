import Foundation
import SsoJOSE

/// How an ID token's `iss` claim is checked (exactly, or against Entra ID's multi-tenant template).
public struct IssuerMatcher: Sendable {
    enum Rule: Sendable {
        case exact(String)
        case tenantTemplate(String, placeholder: String, tenantClaim: String)
    }

    let rule: Rule

    /// `iss` must equal `issuer` exactly: no case folding, no trailing-slash tolerance.
    public static func exact(_ issuer: String) -> IssuerMatcher {
        IssuerMatcher(rule: .exact(issuer))
    }

    /// For multi-tenant issuers such as Entra ID's
    /// `https://login.microsoftonline.com/{tenantid}/v2.0`: the token's `tenantClaim` (default `tid`)
    /// must be a plain tenant id (letters, digits, `-`, 1…64 characters), and `iss` must equal the
    /// template with the placeholder replaced by it. The tenant is validated, never skipped.
    public static func tenantTemplate(
        _ template: String, placeholder: String = "{tenantid}",
        tenantClaim: String = "tid"
    ) -> IssuerMatcher {
        IssuerMatcher(rule: .tenantTemplate(template, placeholder: placeholder, tenantClaim: tenantClaim))
    }

    /// The configured issuer or template, for messages.
    package var configuredIssuer: String {
        switch rule {
        case .exact(let issuer): issuer
        case .tenantTemplate(let template, _, _): template
        }
    }

    /// Whether `issuer` (the token's `iss`) is acceptable for a token with these claims.
    package func matches(_ issuer: String, claims: JSONValue) -> Bool {
        switch rule {
        case .exact(let expected):
            return issuer.utf8.elementsEqual(expected.utf8)
        case .tenantTemplate(let template, let placeholder, let tenantClaim):
            guard template.contains(placeholder), let tenant = claims[tenantClaim]?.stringValue,
                Self.isPlainTenantID(tenant)
            else { return false }
            let expected = template.replacingOccurrences(of: placeholder, with: tenant)
            return issuer.utf8.elementsEqual(expected.utf8)
        }
    }

    private static func isPlainTenantID(_ tenant: String) -> Bool {
        let utf8 = tenant.utf8
        return (1...64).contains(utf8.count)
            && utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
            }
    }
}
