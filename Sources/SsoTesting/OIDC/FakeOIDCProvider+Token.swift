import Crypto
import Foundation
import HTTPTypes
import SsoCore
import SsoJOSE
import SsoOIDC

extension FakeOIDCProvider {
    /// Issues an ID token for `user` as the token endpoint would, applying the misbehaviour knobs.
    public func issueIDToken(for user: FakeOIDCUser, clientID: String, nonce: String?, accessToken: String?)
        throws -> String
    {
        let (key, misbehavior, profile) = state.withLock { ($0.signingKey, $0.misbehavior, $0.idTokenProfileClaims) }
        let now = clock.now.timeIntervalSince1970.rounded(.down)
        var claims: [String: JSONValue] = profile ? user.profileClaims : [:]
        claims["iss"] = .string(misbehavior.idTokenIssuer ?? issuer)
        claims["sub"] = .string(misbehavior.idTokenSubject ?? user.subject)
        claims["aud"] = misbehavior.idTokenAudience ?? .string(clientID)
        claims["iat"] = .number(now)
        claims["exp"] = .number(now + 3600)
        claims["auth_time"] = .number(now)
        if let nonce = misbehavior.idTokenNonce ?? nonce { claims["nonce"] = .string(nonce) }
        if let accessToken { claims["at_hash"] = .string(Self.leftHalfHash(accessToken, algorithm: key.algorithm)) }
        for (name, value) in misbehavior.extraClaims { claims[name] = value }
        for name in misbehavior.omitClaims { claims[name] = nil }

        if let alg = misbehavior.unsignedAlgorithm {
            return FakeJWT.unsigned(claims: claims, alg: alg)
        }
        var header: [String: JSONValue] = [:]
        if misbehavior.omitKeyID { header["kid"] = .null }
        if let kid = misbehavior.keyIDOverride { header["kid"] = .string(kid) }
        let token = try FakeJWT.sign(claims: claims, key: key, header: header)
        return misbehavior.corruptSignature ? FakeJWT.corruptingSignature(token) : token
    }

    static func leftHalfHash(_ value: String, algorithm: JWSAlgorithm) -> String {
        let bytes = Array(value.utf8)
        let digest: [UInt8] = algorithm == .edDSA ? Array(SHA512.hash(data: bytes)) : Array(SHA256.hash(data: bytes))
        return Base64URL.encode(digest.prefix(digest.count / 2))
    }

    func tokenResponse(_ request: HTTPRequest, body: [UInt8]) -> HTTPTransportResponse {
        func oauthError(_ error: String, status: Int = 400) -> HTTPTransportResponse {
            Self.json(
                status: status, ["error": .string(error), "error_description": .string("fake provider: \(error)")])
        }
        guard request.method == .post,
            request.headerFields[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true,
            let text = String(validating: body, as: UTF8.self), let pairs = FormURLEncoding.parse(text)
        else { return oauthError("invalid_request") }
        var form: [String: String] = [:]
        for (name, value) in pairs {
            guard form.updateValue(value, forKey: name) == nil else { return oauthError("invalid_request") }
        }

        // Client authentication: exactly one method, the registered one.
        var presented: (id: String, secret: String, method: String)?
        if let authorization = request.headerFields[.authorization] {
            guard authorization.hasPrefix("Basic "),
                let decoded = try? Base64.decode(authorization.dropFirst(6)),
                let credentials = String(validating: decoded, as: UTF8.self),
                let colon = credentials.firstIndex(of: ":"),
                let id = FormURLEncoding.decode(credentials[..<colon]),
                let secret = FormURLEncoding.decode(credentials[credentials.index(after: colon)...])
            else { return oauthError("invalid_client", status: 401) }
            presented = (id, secret, "client_secret_basic")
        }
        if let secret = form["client_secret"] {
            guard presented == nil, let id = form["client_id"] else { return oauthError("invalid_request") }
            presented = (id, secret, "client_secret_post")
        }
        guard let presented, let client = state.withLock({ $0.clients[presented.id] }),
            client.authMethod == presented.method, client.clientSecret == Secret(presented.secret)
        else { return oauthError("invalid_client", status: 401) }

        guard form["grant_type"] == "authorization_code" else { return oauthError("unsupported_grant_type") }
        guard let code = form["code"] else { return oauthError("invalid_request") }
        let taken = state.withLock { state -> (Grant?, FakeOIDCMisbehavior) in
            guard state.usedCodes.insert(code).inserted else { return (nil, state.misbehavior) }
            return (state.grants.removeValue(forKey: code), state.misbehavior)
        }
        guard let grant = taken.0, grant.clientID.bytesEqual(client.clientID),
            clock.now.timeIntervalSince(grant.issuedAt) <= 600, form["redirect_uri"].bytesEqual(grant.redirectURI)
        else { return oauthError("invalid_grant") }
        if let challenge = grant.codeChallenge {
            guard let verifier = form["code_verifier"], PKCE.isValidVerifier(verifier),
                PKCE.challenge(for: verifier) == challenge
            else { return oauthError("invalid_grant") }
        }
        let misbehavior = taken.1
        if let tokenError = misbehavior.tokenError {
            var members: [String: JSONValue] = ["error": .string(tokenError.error)]
            if let description = tokenError.description { members["error_description"] = .string(description) }
            return Self.json(status: 400, .object(members))
        }

        let accessToken = random.token(byteCount: 24)
        state.withLock { $0.accessTokens[accessToken] = (grant.user, grant.scope) }
        guard
            let idToken = try? issueIDToken(
                for: grant.user, clientID: client.clientID, nonce: grant.nonce,
                accessToken: accessToken)
        else { return oauthError("server_error", status: 500) }
        state.withLock { $0.lastIDToken = idToken }
        var members: [String: JSONValue] = [
            "access_token": .string(accessToken), "token_type": .string(misbehavior.tokenType ?? "Bearer"),
            "expires_in": .number(3600), "scope": .string(grant.scope),
        ]
        if !misbehavior.omitIDToken { members["id_token"] = .string(idToken) }
        return Self.json(status: 200, .object(members))
    }

    func userinfoResponse(_ request: HTTPRequest) -> HTTPTransportResponse {
        guard let authorization = request.headerFields[.authorization], authorization.hasPrefix("Bearer "),
            let entry = state.withLock({ $0.accessTokens[String(authorization.dropFirst(7))] })
        else {
            return Self.json(status: 401, ["error": .string("invalid_token")])
        }
        let override = state.withLock { $0.misbehavior.userinfoSubject }
        var claims = entry.user.profileClaims
        claims["sub"] = .string(override ?? entry.user.subject)
        return Self.json(status: 200, .object(claims))
    }

    static func json(status: Int, _ members: [String: JSONValue]) -> HTTPTransportResponse {
        json(status: status, .object(members))
    }

    static func json(status: Int, _ value: JSONValue) -> HTTPTransportResponse {
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        fields[.cacheControl] = "no-store"
        return HTTPTransportResponse(
            response: HTTPResponse(status: HTTPResponse.Status(code: status), headerFields: fields),
            body: Array(value.serialized().utf8))
    }
}
