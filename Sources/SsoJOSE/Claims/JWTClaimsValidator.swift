import Foundation

/// The generic JWT claim rules (RFC 7519 §4.1): the time claims `exp`, `iat` and `nbf` with a
/// clock-skew leeway, and `aud` read as a list. Protocol rules (OpenID Connect's `nonce`, `azp`,
/// `at_hash`, …) live with their protocol (SsoOIDC's `IDTokenPolicy`).
public struct JWTClaimsValidator: Sendable {
    /// The time to check against; take it from the injected ``/SsoCore/SsoClock``.
    public var now: Date
    /// Clock skew tolerated for `exp`, `nbf` and `iat`, in seconds (default 60).
    public var leeway: TimeInterval

    /// A validator for the instant `now` (not the wall clock), with `leeway` seconds of skew.
    public init(now: Date, leeway: TimeInterval = 60) {
        self.now = now
        self.leeway = leeway
    }

    /// Checks `exp` (required, in the future), `iat` (required, not in the future) and `nbf`
    /// (when present, reached); throws the `jose.claims.exp*`, `iat*` and `nbf` codes.
    public func checkTimes(_ claims: JSONValue) throws(SsoError) -> (expiresAt: Date, issuedAt: Date) {
        let now = now.timeIntervalSince1970
        guard let expValue = claims["exp"] else { throw SsoError(.joseClaimsExpMissing, "the token has no \"exp\"") }
        guard let exp = expValue.numberValue else { throw SsoError(.joseClaimsExp, "\"exp\" is not a number") }
        guard now < exp + leeway else { throw SsoError(.joseClaimsExp, "the token has expired") }
        guard let iatValue = claims["iat"] else { throw SsoError(.joseClaimsIatMissing, "the token has no \"iat\"") }
        guard let iat = iatValue.numberValue else { throw SsoError(.joseClaimsIat, "\"iat\" is not a number") }
        guard iat <= now + leeway else { throw SsoError(.joseClaimsIat, "\"iat\" is in the future") }
        if let nbfValue = claims["nbf"] {
            guard let nbf = nbfValue.numberValue else { throw SsoError(.joseClaimsNbf, "\"nbf\" is not a number") }
            guard nbf <= now + leeway else { throw SsoError(.joseClaimsNbf, "the token is not valid yet") }
        }
        return (Date(timeIntervalSince1970: exp), Date(timeIntervalSince1970: iat))
    }

    /// `aud` as a list (a single string is a list of one); throws `jose.claims.aud` when it is
    /// missing or holds a non-string.
    public static func audiences(_ claims: JSONValue) throws(SsoError) -> [String] {
        switch claims["aud"] {
        case .string(let audience)?:
            return [audience]
        case .array(let items)?:
            var audiences: [String] = []
            for item in items {
                guard let audience = item.stringValue else {
                    throw SsoError(.joseClaimsAud, "\"aud\" holds a non-string value")
                }
                audiences.append(audience)
            }
            return audiences
        default:
            throw SsoError(.joseClaimsAud, "the token has no \"aud\" string or array")
        }
    }
}
