import SsoJOSE

/// The outcome of a completed login: the validated ID token, the merged claims, and the tokens.
public struct OIDCLoginResult: Sendable, CustomStringConvertible {
    /// The validated ID token.
    public let idToken: ValidatedIDToken
    /// The userinfo claims, when userinfo was fetched (their `sub` equals the ID token's).
    public let userinfo: [String: JSONValue]?
    /// The ID token's claims, plus userinfo claims the ID token did not have.
    public let claims: [String: JSONValue]
    /// The token response (access and refresh tokens are ``/SsoCore/Secret``s).
    public let tokens: TokenResponse
    /// The host's opaque context given when the login started.
    public let context: String?

    package init(idToken: ValidatedIDToken, userinfo: [String: JSONValue]?, tokens: TokenResponse, context: String?) {
        self.idToken = idToken
        self.userinfo = userinfo
        self.tokens = tokens
        self.context = context
        var merged = idToken.claimMembers
        for (name, value) in userinfo ?? [:] where merged[name] == nil {
            merged[name] = value
        }
        self.claims = merged
    }

    /// The `sub` claim: the user's stable id at this provider.
    public var subject: String { idToken.subject }
    /// The `iss` claim.
    public var issuer: String { idToken.claims.issuer }
    /// The `email` claim, if any. Check ``emailVerified`` before trusting it to link accounts.
    public var email: String? { claims["email"]?.stringValue }
    /// `email_verified` (a Boolean, or the strings `"true"`/`"false"` some providers send).
    public var emailVerified: Bool? {
        switch claims["email_verified"] {
        case .bool(let flag)?: flag
        case .string("true")?: true
        case .string("false")?: false
        default: nil
        }
    }
    /// `name`, else `given_name family_name`, else `preferred_username`.
    public var name: String? {
        if let name = claims["name"]?.stringValue, !name.isEmpty { return name }
        let parts = [claims["given_name"]?.stringValue, claims["family_name"]?.stringValue].compactMap { $0 }
            .filter { !$0.isEmpty }
        if !parts.isEmpty { return parts.joined(separator: " ") }
        return claims["preferred_username"]?.stringValue
    }
    /// The `groups` claim's strings (Okta, Entra ID), if any.
    public var groups: [String] {
        claims["groups"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// The login as an ``/SsoCore/SsoIdentity``: scalar claims and arrays of scalars become attributes.
    public var identity: SsoIdentity {
        var attributes: [String: [String]] = [:]
        for (name, value) in claims {
            let values = (value.arrayValue ?? [value]).compactMap(Self.text)
            if !values.isEmpty { attributes[name] = values }
        }
        return SsoIdentity(
            subject: subject, email: email, emailVerified: emailVerified, name: name, groups: groups,
            attributes: attributes)
    }

    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number):
            if number.rounded() == number, abs(number) < 9_007_199_254_740_992 { return String(Int64(number)) }
            return String(number)
        default: return nil
        }
    }

    public var description: String {
        "OIDCLoginResult(issuer: \(issuer), subject: \(subject), alg: \(idToken.algorithm), <tokens redacted>)"
    }
}
