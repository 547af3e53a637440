import Crypto
import Foundation

/// Checks the claims of a verified ID token. Each failed rule throws its own code
/// (`jose.claims.exp`, `jose.claims.iss`, … see `SsoError+JOSE.swift`).
public struct IDTokenClaimsValidator: Sendable {
    /// The rules applied.
    public let options: IDTokenValidationOptions

    public init(options: IDTokenValidationOptions) {
        self.options = options
    }

    /// Validates the claims of a token whose signature has been verified.
    public func validate(_ token: VerifiedJWS) throws(SsoError) -> IDTokenClaims {
        try Self.checkType(token.header.type)
        return try validate(claims: token.payloadJSON, algorithm: token.algorithm)
    }

    /// ``validate(_:)`` with the claims set the caller already read from `token`'s payload
    /// (``JWS/claimsSet(limits:)``), so the payload is parsed once per token.
    package func validate(_ token: VerifiedJWS, claims: JSONValue) throws(SsoError) -> IDTokenClaims {
        try Self.checkType(token.header.type)
        return try validate(claims: claims, algorithm: token.algorithm)
    }

    /// An explicitly typed JWT of another kind (`at+jwt`, `logout+jwt`, `secevent+jwt`, …) is
    /// refused, so a token minted for another purpose by the same issuer and keys cannot pass
    /// as an ID token. `JWT`, `id_token+jwt` and any other value are left alone.
    static func checkType(_ type: String?) throws(SsoError) {
        guard var value = type?.lowercased() else { return }
        if value.hasPrefix("application/") { value.removeFirst("application/".count) }
        guard !value.hasSuffix("+jwt") || value == "id_token+jwt" else {
            throw SsoError(.joseHeaderTyp, "the token's typ \(JOSEText.quoted(type ?? "")) is not an ID token type")
        }
    }

    /// Validates `claims`; `algorithm` (the token's `alg`) chooses the hash for `at_hash`/`c_hash`.
    public func validate(claims: JSONValue, algorithm: JWSAlgorithm) throws(SsoError) -> IDTokenClaims {
        guard case .object = claims else { throw SsoError(.joseClaimsInvalid, "the claims are not a JSON object") }
        let issuer = try checkIssuer(claims)
        let subject = try checkSubject(claims)
        let audiences = try checkAudience(claims)
        let authorizedParty = try checkAuthorizedParty(claims, audienceCount: audiences.count)
        let (expiresAt, issuedAt) = try checkTimes(claims)
        let authTime = try checkAuthTime(claims)
        let nonce = try checkNonce(claims)
        try checkHash(claims, claim: "at_hash", input: options.accessToken, required: options.requireAtHash,
                      algorithm: algorithm, code: .joseClaimsAtHash, inputName: "access token")
        try checkHash(claims, claim: "c_hash", input: options.authorizationCode, required: options.requireCHash,
                      algorithm: algorithm, code: .joseClaimsCHash, inputName: "authorization code")
        return IDTokenClaims(issuer: issuer, subject: subject, audiences: audiences, expiresAt: expiresAt,
                             issuedAt: issuedAt, authTime: authTime, nonce: nonce, authorizedParty: authorizedParty,
                             json: claims)
    }

    private func checkIssuer(_ claims: JSONValue) throws(SsoError) -> String {
        guard let issuer = claims["iss"]?.stringValue else {
            throw SsoError(.joseClaimsIss, "the token has no string \"iss\"")
        }
        guard options.issuer.matches(issuer, claims: claims) else {
            throw SsoError(.joseClaimsIss, "the issuer \(JOSEText.quoted(issuer, limit: 120)) is not "
                + "\(JOSEText.quoted(options.issuer.configuredIssuer, limit: 120))")
        }
        return issuer
    }

    private func checkSubject(_ claims: JSONValue) throws(SsoError) -> String {
        guard let subject = claims["sub"]?.stringValue, !subject.isEmpty, subject.utf8.count <= 255 else {
            throw SsoError(.joseClaimsSub, "\"sub\" must be a non-empty string of at most 255 bytes")
        }
        return subject
    }

    private func checkAudience(_ claims: JSONValue) throws(SsoError) -> [String] {
        var audiences: [String] = []
        switch claims["aud"] {
        case .string(let audience)?:
            audiences = [audience]
        case .array(let items)?:
            for item in items {
                guard let audience = item.stringValue else {
                    throw SsoError(.joseClaimsAud, "\"aud\" holds a non-string value")
                }
                audiences.append(audience)
            }
        default:
            throw SsoError(.joseClaimsAud, "the token has no \"aud\" string or array")
        }
        guard audiences.containsBytes(of: options.clientID) else {
            throw SsoError(.joseClaimsAud, "\"aud\" does not contain the client id")
        }
        return audiences
    }

    private func checkAuthorizedParty(_ claims: JSONValue, audienceCount: Int) throws(SsoError) -> String? {
        guard let value = claims["azp"] else {
            guard audienceCount == 1 else {
                throw SsoError(.joseClaimsAzp, "\"azp\" is required when \"aud\" has several values")
            }
            return nil
        }
        guard let party = value.stringValue, party.bytesEqual(options.clientID) else {
            throw SsoError(.joseClaimsAzp, "\"azp\" is not the client id")
        }
        return party
    }

    private func checkTimes(_ claims: JSONValue) throws(SsoError) -> (Date, Date) {
        let now = options.now.timeIntervalSince1970
        guard let expValue = claims["exp"] else { throw SsoError(.joseClaimsExpMissing, "the token has no \"exp\"") }
        guard let exp = expValue.numberValue else { throw SsoError(.joseClaimsExp, "\"exp\" is not a number") }
        guard now < exp + options.leeway else { throw SsoError(.joseClaimsExp, "the token has expired") }
        guard let iatValue = claims["iat"] else { throw SsoError(.joseClaimsIatMissing, "the token has no \"iat\"") }
        guard let iat = iatValue.numberValue else { throw SsoError(.joseClaimsIat, "\"iat\" is not a number") }
        guard iat <= now + options.leeway else { throw SsoError(.joseClaimsIat, "\"iat\" is in the future") }
        if let nbfValue = claims["nbf"] {
            guard let nbf = nbfValue.numberValue else { throw SsoError(.joseClaimsNbf, "\"nbf\" is not a number") }
            guard nbf <= now + options.leeway else { throw SsoError(.joseClaimsNbf, "the token is not valid yet") }
        }
        return (Date(timeIntervalSince1970: exp), Date(timeIntervalSince1970: iat))
    }

    private func checkAuthTime(_ claims: JSONValue) throws(SsoError) -> Date? {
        let now = options.now.timeIntervalSince1970
        guard let value = claims["auth_time"] else {
            guard options.maxAge == nil else {
                throw SsoError(.joseClaimsAuthTime, "\"auth_time\" is required because max_age was requested")
            }
            return nil
        }
        guard let authTime = value.numberValue else {
            throw SsoError(.joseClaimsAuthTime, "\"auth_time\" is not a number")
        }
        guard authTime <= now + options.leeway else {
            throw SsoError(.joseClaimsAuthTime, "\"auth_time\" is in the future")
        }
        if let maxAge = options.maxAge, now > authTime + maxAge + options.leeway {
            throw SsoError(.joseClaimsAuthTime, "the authentication is older than max_age")
        }
        return Date(timeIntervalSince1970: authTime)
    }

    private func checkNonce(_ claims: JSONValue) throws(SsoError) -> String? {
        let nonce = claims["nonce"]
        if nonce != nil, nonce?.stringValue == nil { throw SsoError(.joseClaimsNonce, "\"nonce\" is not a string") }
        guard let expected = options.nonce else { return nonce?.stringValue }
        guard let actual = nonce?.stringValue else { throw SsoError(.joseClaimsNonce, "the token has no \"nonce\"") }
        guard Self.constantTimeEqual(actual, expected) else {
            throw SsoError(.joseClaimsNonce, "\"nonce\" does not match the authorization request")
        }
        return actual
    }

    private func checkHash(_ claims: JSONValue, claim: String, input: String?, required: Bool,
                           algorithm: JWSAlgorithm, code: SsoError.Code, inputName: String) throws(SsoError) {
        if required, input == nil {
            throw SsoError(.joseClaimsOptions, "\"\(claim)\" is required but no \(inputName) was given")
        }
        guard let value = claims[claim] else {
            if required { throw SsoError(code, "the token has no \"\(claim)\"") }
            return
        }
        guard let actual = value.stringValue else { throw SsoError(code, "\"\(claim)\" is not a string") }
        guard let input else { return }
        guard actual == Self.leftHalfHash(of: input, algorithm: algorithm) else {
            throw SsoError(code, "\"\(claim)\" does not match the \(inputName)")
        }
    }

    /// Compares without an early exit on the first differing byte.
    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        var difference: UInt8 = lhs.utf8.count == rhs.utf8.count ? 0 : 1
        var right = rhs.utf8.makeIterator()
        for byte in lhs.utf8 {
            difference |= byte ^ (right.next() ?? 0)
        }
        return difference == 0
    }

    /// base64url of the left-most half of the hash of `value`'s ASCII bytes (OIDC Core §3.1.3.6).
    static func leftHalfHash(of value: String, algorithm: JWSAlgorithm) -> String {
        let bytes = Array(value.utf8)
        let digest: [UInt8]
        switch algorithm.hashFunction {
        case .sha256: digest = Array(SHA256.hash(data: bytes))
        case .sha384: digest = Array(SHA384.hash(data: bytes))
        case .sha512: digest = Array(SHA512.hash(data: bytes))
        }
        return Base64URL.encode(digest.prefix(digest.count / 2))
    }
}
