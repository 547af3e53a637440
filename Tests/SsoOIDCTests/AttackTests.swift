import Foundation
import HTTPTypes
import SsoOIDC
import SsoTesting
import Testing

/// Attacks on the ID token as the relying party meets them (the byte-level JWS attacks are
/// SsoJOSE's tests; these check the OIDC layer does not reopen them).
@Suite("ID token attacks through the relying party")
struct AttackTests {
    static func claims(_ harness: Harness) -> [String: JSONValue] {
        let now = fixedNow.timeIntervalSince1970
        return [
            "iss": .string(harness.provider.issuer), "sub": .string("victim"), "aud": .string(Harness.clientID),
            "iat": .number(now), "exp": .number(now + 600),
        ]
    }

    @Test("HS256 signed with the provider's RSA public key is refused")
    func hmacWithPublicKey() async throws {
        let harness = try Harness()
        let jwks = harness.provider.jwksDocument.serialized()
        let forged = try FakeJWT.sign(
            claims: Self.claims(harness), key: .hs256(secret: Secret(jwks)),
            header: ["kid": .string("rsa-1")])
        await expectSsoError(.joseAlgNotAllowed) { try await harness.client.validateIDToken(forged) }
        // Even with HS256 allowed, the HMAC key is the client secret, never a JWKS key.
        let lenient = try Harness(options: OIDCOptions(idTokenAlgorithms: JWSAlgorithm.asymmetric.union([.hs256])))
        await expectSsoError(.joseSignatureInvalid) { try await lenient.client.validateIDToken(forged) }
    }

    @Test("keys embedded in or referenced from the header are never used or fetched")
    func headerKeys() async throws {
        let harness = try Harness()
        let attacker = try TestKeys.ec1(keyID: "rsa-1")
        let jwk = try #require(attacker.publicJWK)
        let forged = try FakeJWT.sign(
            claims: Self.claims(harness), key: attacker,
            header: [
                "jwk": jwk, "jku": .string("https://attacker.example.test/jwks"),
                "x5u": .string("https://attacker.example.test/cert.pem"),
            ])
        await expectSsoError(.joseKeyMismatch) { try await harness.client.validateIDToken(forged) }
        let withoutKid = try FakeJWT.sign(
            claims: Self.claims(harness), key: attacker.withKeyID(nil),
            header: [
                "jwk": jwk, "jku": .string("https://attacker.example.test/jwks"),
            ])
        await expectSsoError(.joseKeyNotFound) { try await harness.client.validateIDToken(withoutKid) }
        #expect(!harness.transport.requests.contains { $0.url.contains("attacker") })
    }

    @Test("kid path and injection tricks are just unknown kids")
    func kidTricks() async throws {
        let harness = try Harness()
        let key = try TestKeys.rsa1()
        for kid in ["../../../../dev/null", "rsa-1' OR '1'='1", "rsa-1\u{0}", "", "https://attacker.example.test/k"] {
            let token = try harness.token(signedBy: key.withKeyID(kid))
            await expectSsoError(.joseKeyNotFound) { try await harness.client.validateIDToken(token) }
        }
        #expect(harness.transport.count(for: harness.provider.jwksURI) == 2)
    }

    @Test("a token valid for another client or issuer of the same provider keys is refused")
    func crossClient() async throws {
        let harness = try Harness()
        var claims = Self.claims(harness)
        claims["aud"] = .array([.string("other-client"), .string(Harness.clientID)])
        let multi = try FakeJWT.sign(claims: claims, key: try TestKeys.rsa1())
        await expectSsoError(.joseClaimsAzp) { try await harness.client.validateIDToken(multi) }
        claims["azp"] = .string("other-client")
        let wrongAzp = try FakeJWT.sign(claims: claims, key: try TestKeys.rsa1())
        await expectSsoError(.joseClaimsAzp) { try await harness.client.validateIDToken(wrongAzp) }
    }

    @Test("an ID token from one login cannot complete another (nonce binding)")
    func tokenSubstitution() async throws {
        let harness = try Harness()
        _ = try await harness.login()
        let stolen = try #require(harness.provider.lastIDToken)
        let request = try await harness.start()
        let redirect = try harness.provider.authorize(request.url, as: harness.user)
        harness.transport.route(harness.provider.tokenEndpoint) { _, _ in
            var fields = HTTPFields()
            fields[.contentType] = "application/json"
            let body = JSONValue.object([
                "access_token": .string("x"), "token_type": .string("Bearer"), "id_token": .string(stolen),
            ]).serialized()
            return HTTPTransportResponse(
                response: HTTPResponse(status: .ok, headerFields: fields), body: Array(body.utf8))
        }
        await expectSsoError(.joseClaimsNonce) {
            try await harness.callback(code: redirect.code, state: redirect.state)
        }
    }

    @Test("oversize token and userinfo answers are refused")
    func oversizeAnswers() async throws {
        let harness = try Harness(options: OIDCOptions(fetchUserinfo: true))
        harness.transport.route(harness.provider.userinfoEndpoint, text: String(repeating: " ", count: 70_000) + "{}")
        await expectSsoError(.httpResponseTooLarge) { try await harness.login() }
        harness.transport.route(
            harness.provider.tokenEndpoint, text: "{\"pad\":\"" + String(repeating: "x", count: 70_000) + "\"}")
        await expectSsoError(.httpResponseTooLarge) { try await harness.login() }
    }

    @Test("failing endpoints are not hammered: errors are reused during the backoff")
    func failureBackoff() async throws {
        let harness = try Harness()
        _ = try await harness.client.metadata()
        harness.transport.route(harness.provider.jwksURI, status: .badGateway, text: "down")
        let token = try harness.token(signedBy: try TestKeys.rsa1())
        for _ in 0..<10 {
            await expectSsoError(.oidcJWKSHTTPStatus) { try await harness.client.validateIDToken(token) }
        }
        #expect(harness.transport.count(for: harness.provider.jwksURI) == 1)
        harness.provider.install(on: harness.transport)
        harness.clock.advance(by: 6)
        #expect(try await harness.client.validateIDToken(token).subject == "user-1")
        #expect(harness.transport.count(for: harness.provider.jwksURI) == 2)
    }
}

@Suite("Malformed ID tokens through the relying party")
struct MalformedTokenTests {
    static func parts(_ token: String) -> [String] {
        token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    @Test("psychic ECDSA (r = s = 0) and DER-encoded signatures are refused")
    func ecdsaForms() async throws {
        let harness = try Harness(signingKey: try TestKeys.ec1())
        let token = try harness.token(signedBy: try TestKeys.ec1())
        let part = Self.parts(token)
        let psychic = "\(part[0]).\(part[1]).\(Base64URL.encode([UInt8](repeating: 0, count: 64)))"
        await expectSsoError(.joseSignatureMalformed) { try await harness.client.validateIDToken(psychic) }
        let raw = try Base64URL.decode(part[2])
        func integer(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
            let trimmed = Array(bytes.drop { $0 == 0 })
            return [0x02, UInt8((trimmed.first ?? 0) >= 0x80 ? trimmed.count + 1 : trimmed.count)]
                + ((trimmed.first ?? 0) >= 0x80 ? [0] : []) + trimmed
        }
        let body = integer(raw[0..<32]) + integer(raw[32..<64])
        let der = [0x30, UInt8(body.count)] + body
        let derToken = "\(part[0]).\(part[1]).\(Base64URL.encode(der))"
        await expectSsoError(.joseSignatureMalformed) { try await harness.client.validateIDToken(derToken) }
        #expect(try await harness.client.validateIDToken(token).algorithm == .es256)
    }

    static func rejectionCode(_ client: OIDCClient, _ token: String) async -> String? {
        do {
            _ = try await client.validateIDToken(token)
            return nil
        } catch {
            return error.code.rawValue
        }
    }

    @Test("padded, truncated and non-base64url parts are refused")
    func base64Forms() async throws {
        let harness = try Harness()
        let token = try harness.token(signedBy: try TestKeys.rsa1())
        let part = Self.parts(token)
        for broken in [
            "\(part[0])=.\(part[1]).\(part[2])", "\(part[0]).\(part[1]).\(part[2])==",
            "\(part[0]).\(part[1] + "+").\(part[2])", "\(part[0]).\(part[1]).\(part[2].dropLast(3))",
        ] {
            let code = await Self.rejectionCode(harness.client, broken)
            #expect(code?.hasPrefix("jose.") == true, "\(code ?? "accepted")")
        }
        await expectSsoError(.joseTokenMalformed) { try await harness.client.validateIDToken("\(part[0]).\(part[1])") }
    }

    @Test("oversize and deeply nested tokens are refused before any key fetch")
    func sizeAndDepth() async throws {
        let harness = try Harness()
        var nested: JSONValue = .string("x")
        for _ in 0..<40 { nested = .array([nested]) }
        let now = fixedNow.timeIntervalSince1970
        let deep = try FakeJWT.sign(
            claims: [
                "iss": .string(Harness.issuer), "sub": .string("u"), "aud": .string(Harness.clientID),
                "iat": .number(now), "exp": .number(now + 60), "deep": nested,
            ], key: try TestKeys.rsa1())
        await expectSsoError(.joseJSONTooDeep) { try await harness.client.validateIDToken(deep) }
        let huge = try FakeJWT.sign(
            claims: ["pad": .string(String(repeating: "a", count: 20_000))], key: try TestKeys.rsa1())
        await expectSsoError(.joseTokenTooLarge) { try await harness.client.validateIDToken(huge) }
        #expect(harness.transport.count(for: harness.provider.jwksURI) == 0)
    }
}

@Suite("Concurrency")
struct ConcurrencyTests {
    @Test("two hundred concurrent logins of different users stay isolated")
    func concurrentLogins() async throws {
        let harness = try Harness()
        let subjects = try await withThrowingTaskGroup(of: (String, String).self) { group in
            for index in 0..<200 {
                group.addTask {
                    let user = FakeOIDCUser(subject: "user-\(index)", email: "u\(index)@corp.test")
                    let result = try await harness.login(as: user)
                    return ("user-\(index)", result.subject + "|" + (result.email ?? ""))
                }
            }
            var pairs: [(String, String)] = []
            for try await pair in group { pairs.append(pair) }
            return pairs
        }
        #expect(subjects.count == 200)
        for (expected, got) in subjects {
            #expect(got == "\(expected)|u\(expected.dropFirst(5))@corp.test")
        }
        #expect(harness.transport.count(for: harness.provider.jwksURI) == 1)
        #expect(harness.transport.count(for: harness.provider.discoveryURL) == 1)
    }
}
