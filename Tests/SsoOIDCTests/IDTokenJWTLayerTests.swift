import Foundation
import SsoJOSE
import SsoOIDC
import SsoTesting
import Testing

/// The ID-token layer over SsoJOSE's JWS layer: a JWS payload may be any bytes, an ID token's must
/// be a JSON object (with the codes this path always gave); a `kid` naming only a skipped JWKS key
/// refetches like an unknown one.
@Suite("ID token: JWT layer and skipped keys")
struct IDTokenJWTLayerTests {
    private static func signed(payload: [UInt8], key: FakeSigningKey) throws -> String {
        let header = #"{"alg":"RS256","kid":"\#(key.keyID ?? "")"}"#
        let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(payload)
        return input + "." + Base64URL.encode(try key.sign(Array(input.utf8)))
    }

    @Test("a validly signed non-JSON payload is refused with the codes of before the split")
    func nonObjectPayloads() async throws {
        let key = try TestKeys.rsa1()
        let keys = try JWKSet.parse(
            Array(JSONValue.object(["keys": .array([try #require(key.publicJWK)])]).serialized().utf8))
        let verifier = IDTokenVerifier(issuer: Harness.issuer, clientID: Harness.clientID, clientSecret: nil)
        let expectations = IDTokenVerifier.Expectations(now: fixedNow)
        let cases: [([UInt8], SsoError.Code)] = [
            (Array("It’s a dangerous business, Frodo".utf8), .joseJSONInvalid), ([], .joseTokenMalformed),
            ([UInt8](repeating: 0, count: 32), .joseJSONInvalid), (Array("[1]".utf8), .josePayloadInvalid),
        ]
        for (payload, code) in cases {
            let token = try Self.signed(payload: payload, key: key)
            // The JWS layer accepts it: the signature is genuine.
            #expect(try JWSVerifier().verify(compact: token, keys: keys).payload == payload)
            await expectSsoError(code) { try verifier.validate(token, keys: keys, expectations: expectations) }
        }
    }

    @Test("a kid naming only a skipped key refetches once (rate-limited) and picks up the fixed key")
    func unusableKeyRefetches() async throws {
        let harness = try Harness()
        let current = try TestKeys.rsa1()
        let rotated = try TestKeys.rsa2(keyID: "rotated")
        guard case .object(var broken)? = rotated.publicJWK else { throw SsoError(.joseJWKInvalid, "no JWK") }
        broken["n"] = nil
        let brokenDocument = JSONValue.object(["keys": .array([try #require(current.publicJWK), .object(broken)])])
        harness.transport.route(harness.provider.jwksURI, body: Array(brokenDocument.serialized().utf8))
        let token = try harness.token(signedBy: rotated)

        await expectSsoError(.joseKeyUnusable) { try await harness.client.validateIDToken(token) }
        #expect(harness.transport.count(for: harness.provider.jwksURI) == 2)  // fetch + one refetch
        await expectSsoError(.joseKeyUnusable) { try await harness.client.validateIDToken(token) }
        #expect(harness.transport.count(for: harness.provider.jwksURI) == 2)  // rate-limited
        // The provider's other key keeps working meanwhile.
        #expect(try await harness.client.validateIDToken(try harness.token(signedBy: current)).keyID == "rsa-1")

        let fixed = JSONValue.object([
            "keys": .array([try #require(current.publicJWK), try #require(rotated.publicJWK)])
        ])
        harness.transport.route(harness.provider.jwksURI, body: Array(fixed.serialized().utf8))
        harness.clock.advance(by: 31)
        let validated = try await harness.client.validateIDToken(token)
        #expect(validated.keyID == "rotated")
        #expect(harness.transport.count(for: harness.provider.jwksURI) == 3)
    }

    @Test("one malformed key no longer stops the provider's other logins")
    func malformedKeyBesideTheSigningKey() async throws {
        let harness = try Harness()
        let current = try TestKeys.rsa1()
        let document = JSONValue.object([
            "keys": .array([
                .object([
                    "kty": "EC", "crv": "P-521", "kid": "p521",
                    "x": .string(Base64URL.encode([UInt8](repeating: 1, count: 64))),
                    "y": .string(Base64URL.encode([UInt8](repeating: 1, count: 64))),
                ]),
                try #require(current.publicJWK),
            ])
        ])
        harness.transport.route(harness.provider.jwksURI, body: Array(document.serialized().utf8))
        let validated = try await harness.client.validateIDToken(try harness.token(signedBy: current))
        #expect(validated.keyID == "rsa-1")
    }
}
