import Crypto
import Foundation
import SsoJOSE

/// The claim rules of ``IDTokenPolicy``, one function per claim.
extension IDTokenPolicy {
    func checkRules(_ claims: JSONValue, algorithm: JWSAlgorithm, expectations: IDTokenExpectations)
        throws(SsoError) -> IDTokenClaims
    {
        guard case .object = claims else { throw SsoError(.joseClaimsInvalid, "the claims are not a JSON object") }
        let issuer = try checkIssuer(claims)
        let subject = try Self.checkSubject(claims)
        let audiences = try JWTClaimsValidator.audiences(claims)
        guard audiences.containsBytes(of: clientID) else {
            throw SsoError(.joseClaimsAud, "\"aud\" does not contain the client id")
        }
        let authorizedParty = try checkAuthorizedParty(claims, audienceCount: audiences.count)
        let (expiresAt, issuedAt) = try JWTClaimsValidator(now: expectations.now, leeway: leeway).checkTimes(claims)
        let authTime = try checkAuthTime(
            claims, maxAge: expectations.maxAge.map(TimeInterval.init), now: expectations.now)
        let nonce = try Self.checkNonce(claims, expected: expectations.nonce)
        try Self.checkHash(
            claims, claim: "at_hash", input: expectations.accessToken, required: requireAtHash, algorithm: algorithm,
            code: .joseClaimsAtHash, inputName: "access token")
        try Self.checkHash(
            claims, claim: "c_hash", input: expectations.authorizationCode, required: requireCHash,
            algorithm: algorithm, code: .joseClaimsCHash, inputName: "authorization code")
        return IDTokenClaims(
            issuer: issuer, subject: subject, audiences: audiences, expiresAt: expiresAt, issuedAt: issuedAt,
            authTime: authTime, nonce: nonce, authorizedParty: authorizedParty, json: claims)
    }

    private func checkIssuer(_ claims: JSONValue) throws(SsoError) -> String {
        guard let value = claims["iss"]?.stringValue else {
            throw SsoError(.joseClaimsIss, "the token has no string \"iss\"")
        }
        guard issuer.matches(value, claims: claims) else {
            throw SsoError(
                .joseClaimsIss,
                "the issuer \(JOSEText.quoted(value, limit: 120)) is not "
                    + "\(JOSEText.quoted(issuer.configuredIssuer, limit: 120))")
        }
        return value
    }

    private static func checkSubject(_ claims: JSONValue) throws(SsoError) -> String {
        guard let subject = claims["sub"]?.stringValue, !subject.isEmpty, subject.utf8.count <= 255 else {
            throw SsoError(.joseClaimsSub, "\"sub\" must be a non-empty string of at most 255 bytes")
        }
        return subject
    }

    private func checkAuthorizedParty(_ claims: JSONValue, audienceCount: Int) throws(SsoError) -> String? {
        guard let value = claims["azp"] else {
            guard audienceCount == 1 else {
                throw SsoError(.joseClaimsAzp, "\"azp\" is required when \"aud\" has several values")
            }
            return nil
        }
        guard let party = value.stringValue, party.bytesEqual(clientID) else {
            throw SsoError(.joseClaimsAzp, "\"azp\" is not the client id")
        }
        return party
    }

    private func checkAuthTime(_ claims: JSONValue, maxAge: TimeInterval?, now date: Date) throws(SsoError) -> Date? {
        let now = date.timeIntervalSince1970
        guard let value = claims["auth_time"] else {
            guard maxAge == nil else {
                throw SsoError(.joseClaimsAuthTime, "\"auth_time\" is required because max_age was requested")
            }
            return nil
        }
        guard let authTime = value.numberValue else {
            throw SsoError(.joseClaimsAuthTime, "\"auth_time\" is not a number")
        }
        guard authTime <= now + leeway else {
            throw SsoError(.joseClaimsAuthTime, "\"auth_time\" is in the future")
        }
        if let maxAge, now > authTime + maxAge + leeway {
            throw SsoError(.joseClaimsAuthTime, "the authentication is older than max_age")
        }
        return Date(timeIntervalSince1970: authTime)
    }

    private static func checkNonce(_ claims: JSONValue, expected: String?) throws(SsoError) -> String? {
        let nonce = claims["nonce"]
        if nonce != nil, nonce?.stringValue == nil { throw SsoError(.joseClaimsNonce, "\"nonce\" is not a string") }
        guard let expected else { return nonce?.stringValue }
        guard let actual = nonce?.stringValue else { throw SsoError(.joseClaimsNonce, "the token has no \"nonce\"") }
        guard constantTimeEqual(actual, expected) else {
            throw SsoError(.joseClaimsNonce, "\"nonce\" does not match the authorization request")
        }
        return actual
    }

    private static func checkHash(
        _ claims: JSONValue, claim: String, input: Secret?, required: Bool, algorithm: JWSAlgorithm,
        code: SsoError.Code, inputName: String
    ) throws(SsoError) {
        if required, input == nil {
            throw SsoError(.joseClaimsOptions, "\"\(claim)\" is required but no \(inputName) was given")
        }
        guard let value = claims[claim] else {
            if required { throw SsoError(code, "the token has no \"\(claim)\"") }
            return
        }
        guard let actual = value.stringValue else { throw SsoError(code, "\"\(claim)\" is not a string") }
        guard let input else { return }
        guard constantTimeEqual(actual, leftHalfHash(of: input.unsafeValue, algorithm: algorithm)) else {
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
