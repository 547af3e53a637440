import Foundation
import SsoJOSE
import SsoOIDC
import SsoTesting
import Testing

/// The OpenID Foundation's RP certification tests for the code flow, one per test id, against the
/// in-process fake provider behind the injected transport.
@Suite("OpenID RP conformance (code flow)")
struct ConformanceTests {
    @Test("rp-response_type-code")
    func responseTypeCode() async throws {
        let harness = try Harness()
        let request = try await harness.start()
        let query = try #require(URLComponents(string: request.url)?.queryItems)
        #expect(query.first { $0.name == "response_type" }?.value == "code")
        #expect(query.first { $0.name == "code_challenge_method" }?.value == "S256")
        let redirect = try harness.provider.authorize(request.url, as: harness.user)
        let result = try await harness.callback(code: redirect.code, state: redirect.state)
        #expect(result.subject == "user-1")
        #expect(result.email == "alice@corp.test")
    }

    @Test("rp-scope-userinfo-claims")
    func scopeUserinfoClaims() async throws {
        let harness = try Harness(options: OIDCOptions(fetchUserinfo: true))
        harness.provider.setProfileClaimsInIDToken(false)
        let request = try await harness.start()
        let scope = URLComponents(string: request.url)?.queryItems?.first { $0.name == "scope" }?.value
        #expect(scope == "openid email profile")
        let redirect = try harness.provider.authorize(request.url, as: harness.user)
        let result = try await harness.callback(code: redirect.code, state: redirect.state)
        #expect(result.idToken.claims.json["email"] == nil)
        #expect(result.userinfo?["email"]?.stringValue == "alice@corp.test")
        #expect(result.email == "alice@corp.test")
        #expect(result.name == "Alice Example")
        #expect(result.identity.groups == ["admins", "staff"])
        #expect(harness.transport.count(for: harness.provider.userinfoEndpoint) == 1)
    }

    @Test("rp-nonce-invalid")
    func nonceInvalid() async throws {
        let harness = try Harness()
        harness.provider.misbehave { $0.idTokenNonce = "not-the-nonce-that-was-sent" }
        await expectSsoError(.joseClaimsNonce) { try await harness.login() }
    }

    @Test("rp-token_endpoint-client_secret_basic")
    func tokenEndpointClientSecretBasic() async throws {
        let harness = try Harness()
        _ = try await harness.login()
        let tokenRequest = try #require(harness.transport.requests.last { $0.url == harness.provider.tokenEndpoint })
        let authorization = try #require(tokenRequest.request.headerFields[.authorization])
        let expected = "s3cr3t%3A+with%25special%2Bchars%2Fand-length-0123456789"
        #expect(authorization == "Basic " + Base64.encode(Array("client-123:\(expected)".utf8)))
        let body = String(decoding: tokenRequest.body ?? [], as: UTF8.self)
        #expect(!body.contains("client_secret"))
        #expect(body.contains("grant_type=authorization_code"))
        #expect(body.contains("code_verifier="))
    }

    @Test("rp-id_token-aud")
    func idTokenAudience() async throws {
        let harness = try Harness()
        harness.provider.misbehave { $0.idTokenAudience = .string("some-other-client") }
        await expectSsoError(.joseClaimsAud) { try await harness.login() }
    }

    @Test("rp-id_token-kid-absent-single-jwks")
    func kidAbsentSingleJWKS() async throws {
        let harness = try Harness(signingKey: try TestKeys.rsa1(keyID: nil))
        let result = try await harness.login()
        #expect(result.idToken.keyID == nil)
        #expect(result.idToken.algorithm == .rs256)
    }

    @Test("rp-id_token-kid-absent-multiple-jwks")
    func kidAbsentMultipleJWKS() async throws {
        let key = try TestKeys.rsa1(keyID: nil)
        let harness = try Harness(signingKey: key)
        harness.provider.publish([key, try TestKeys.rsa2(keyID: nil)])
        // Two RSA keys could verify an RS256 token without kid: refuse to guess.
        await expectSsoError(.joseKeyAmbiguous) { try await harness.login() }
    }

    @Test("rp-id_token-sig-none")
    func signatureNone() async throws {
        let harness = try Harness()
        harness.provider.misbehave { $0.unsignedAlgorithm = "none" }
        await expectSsoError(.joseAlgNone) { try await harness.login() }
        harness.provider.misbehave { $0.unsignedAlgorithm = "nOnE" }
        await expectSsoError(.joseAlgNone) { try await harness.login() }
    }

    @Test("rp-id_token-sig-rs256")
    func signatureRS256() async throws {
        let result = try await Harness(signingKey: try TestKeys.rsa1()).login()
        #expect(result.idToken.algorithm == .rs256)
        #expect(result.idToken.keyID == "rsa-1")
    }

    @Test("rp-id_token-sig-es256")
    func signatureES256() async throws {
        let result = try await Harness(signingKey: try TestKeys.ec1()).login()
        #expect(result.idToken.algorithm == .es256)
        #expect(result.idToken.keyID == "ec-1")
    }

    @Test("rp-id_token-sig-hs256")
    func signatureHS256() async throws {
        let options = OIDCOptions(idTokenAlgorithms: JWSAlgorithm.asymmetric.union([.hs256]))
        let harness = try Harness(signingKey: .hs256(secret: Harness.clientSecret), options: options)
        let result = try await harness.login()
        #expect(result.idToken.algorithm == .hs256)
        // Without opting in, an HS256 ID token is refused.
        let strict = try Harness(signingKey: .hs256(secret: Harness.clientSecret))
        await expectSsoError(.joseAlgNotAllowed) { try await strict.login() }
    }

    @Test("rp-id_token-bad-sig-rs256")
    func badSignatureRS256() async throws {
        let harness = try Harness(signingKey: try TestKeys.rsa1())
        harness.provider.misbehave { $0.corruptSignature = true }
        await expectSsoError(.joseSignatureInvalid) { try await harness.login() }
    }

    @Test("rp-id_token-bad-sig-es256")
    func badSignatureES256() async throws {
        let harness = try Harness(signingKey: try TestKeys.ec1())
        harness.provider.misbehave { $0.corruptSignature = true }
        await expectSsoError(.joseSignatureInvalid) { try await harness.login() }
    }

    @Test("rp-id_token-bad-sig-hs256")
    func badSignatureHS256() async throws {
        let options = OIDCOptions(idTokenAlgorithms: [.rs256, .hs256])
        let harness = try Harness(signingKey: .hs256(secret: Harness.clientSecret), options: options)
        harness.provider.misbehave { $0.corruptSignature = true }
        await expectSsoError(.joseSignatureInvalid) { try await harness.login() }
        // An HS256 token keyed with another secret fails the same way.
        harness.provider.misbehave { $0.corruptSignature = false }
        harness.provider.rotateSigningKey(to: .hs256(secret: Secret("a-different-secret-that-is-long-enough-0123")))
        await expectSsoError(.joseSignatureInvalid) { try await harness.login() }
    }

    @Test("rp-id_token-iat")
    func missingIssuedAt() async throws {
        let harness = try Harness()
        harness.provider.misbehave { $0.omitClaims = ["iat"] }
        await expectSsoError(.joseClaimsIatMissing) { try await harness.login() }
    }

    @Test("rp-id_token-issuer-mismatch")
    func issuerMismatch() async throws {
        let harness = try Harness()
        harness.provider.misbehave { $0.idTokenIssuer = "https://attacker.example.test" }
        await expectSsoError(.joseClaimsIss) { try await harness.login() }
    }

    @Test("rp-id_token-sub")
    func missingSubject() async throws {
        let harness = try Harness()
        harness.provider.misbehave { $0.omitClaims = ["sub"] }
        await expectSsoError(.joseClaimsSub) { try await harness.login() }
    }

    @Test("rp-userinfo-bad-sub-claim")
    func userinfoBadSubject() async throws {
        let harness = try Harness(options: OIDCOptions(fetchUserinfo: true))
        harness.provider.misbehave { $0.userinfoSubject = "someone-else" }
        await expectSsoError(.oidcUserinfoSubMismatch) { try await harness.login() }
    }

    @Test("rp-discovery-issuer-not-matching-config")
    func discoveryIssuerNotMatchingConfig() async throws {
        let harness = try Harness()
        harness.provider.misbehave { $0.discoveryIssuer = "https://op.example.test/other" }
        await expectSsoError(.oidcDiscoveryIssuerMismatch) { try await harness.start() }
        // A trailing slash is a different issuer too (after the failure backoff, a fresh fetch).
        harness.provider.misbehave { $0.discoveryIssuer = Harness.issuer + "/" }
        harness.clock.advance(by: 6)
        let error = await expectSsoError(.oidcDiscoveryIssuerMismatch) { try await harness.client.metadata() }
        #expect(error?.message.contains("\"\(Harness.issuer)/\"") == true)
        #expect(harness.transport.count(for: harness.provider.discoveryURL) == 2)
    }

    @Test("rp-discovery-jwks_uri-keys")
    func discoveryJWKSURIKeys() async throws {
        let harness = try Harness(signingKey: try TestKeys.ec1())
        let result = try await harness.login()
        #expect(result.idToken.keyID == "ec-1")
        #expect(harness.transport.count(for: harness.provider.discoveryURL) == 1)
        #expect(harness.transport.count(for: harness.provider.jwksURI) == 1)
        // A second login uses the cached metadata and keys.
        _ = try await harness.login()
        #expect(harness.transport.count(for: harness.provider.jwksURI) == 1)
    }

    /// The provider starts signing with a new key and publishes it beside the old one: the relying
    /// party fetches the new set on the unknown `kid` and accepts tokens of the new key.
    @Test("rp-key-rotation-op-sign-key")
    func keyRotationOPSignKey() async throws {
        let harness = try Harness(signingKey: try TestKeys.rsa1())
        #expect(try await harness.login().idToken.keyID == "rsa-1")
        harness.provider.rotateSigningKey(to: try TestKeys.rsa2(), keepPreviousKeys: true)
        #expect(try await harness.login().idToken.keyID == "rsa-2")
        #expect(harness.transport.count(for: harness.provider.jwksURI) == 2)
        // Back to the first key, still published: the set lists it once and stays usable.
        harness.provider.rotateSigningKey(to: try TestKeys.rsa1(), keepPreviousKeys: true)
        let keys = try JWKSet.parse(Array(harness.provider.jwksDocument.serialized().utf8))
        #expect(keys.keys.compactMap(\.keyID) == ["rsa-1", "rsa-2"])
        #expect(try await harness.login().idToken.keyID == "rsa-1")
    }

    /// The provider replaces its whole key set (the old key disappears): new tokens verify after one
    /// refetch, and a token signed by the rotated-out key no longer does.
    @Test("rp-key-rotation-op-sign-key-native")
    func keyRotationOPSignKeyNative() async throws {
        let old = try TestKeys.ec1(keyID: "old")
        let harness = try Harness(signingKey: old)
        _ = try await harness.login()
        let oldToken = try harness.token(signedBy: old)
        #expect(try await harness.client.validateIDToken(oldToken).keyID == "old")
        harness.provider.rotateSigningKey(to: try TestKeys.rsa2(keyID: "new"))
        #expect(try await harness.login().idToken.keyID == "new")
        await expectSsoError(.joseKeyNotFound) { try await harness.client.validateIDToken(oldToken) }
    }
}

@Suite("Other signing algorithms of the fake provider")
struct OtherAlgorithmTests {
    @Test("EdDSA (Ed25519) ID tokens", arguments: [true, false])
    func edDSA(withKeyID: Bool) async throws {
        let key = FakeSigningKey.ed25519(keyID: withKeyID ? "ed-1" : nil)
        let result = try await Harness(signingKey: key).login()
        #expect(result.idToken.algorithm == .edDSA)
        #expect(result.idToken.keyID == (withKeyID ? "ed-1" : nil))
    }

    @Test("PS256 ID tokens")
    func ps256() async throws {
        let key = try FakeSigningKey.rsa(pem: fixtureText("keys/test-rsa-2.pem"), keyID: "ps-1", algorithm: .ps256)
        let result = try await Harness(signingKey: key).login()
        #expect(result.idToken.algorithm == .ps256)
    }

    @Test("an algorithm outside the configured allow-list is refused")
    func allowList() async throws {
        let harness = try Harness(signingKey: try TestKeys.ec1(), options: OIDCOptions(idTokenAlgorithms: [.rs256]))
        await expectSsoError(.joseAlgNotAllowed) { try await harness.login() }
    }
}
