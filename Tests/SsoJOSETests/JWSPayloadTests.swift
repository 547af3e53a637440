import Foundation
import Testing
@testable import SsoJOSE

/// RFC 7515 §2: a JWS payload is arbitrary bytes. The JWS layer verifies any payload, an empty
/// one included; only the JWT layer above it asks for a JSON object.
@Suite("JWS payloads are bytes")
struct JWSPayloadTests {
    static let payloads: [[UInt8]] = [
        [], [UInt8](repeating: 0, count: 1), [UInt8](repeating: 0, count: 64), Array(0...255),
        Array(RFCVectorTests.rfc7520Text.utf8),
    ]

    private func token(_ algorithm: JWSAlgorithm, payload: [UInt8], keys: TestKeys) throws -> String {
        let kid = TestKeys.kid(for: algorithm).map { #","kid":"\#($0)""# } ?? ""
        let input = TestSupport.b64(#"{"alg":"\#(algorithm.rawValue)"\#(kid)}"#) + "." + Base64URL.encode(payload)
        return input + "." + Base64URL.encode(try keys.sign(Array(input.utf8), algorithm: algorithm))
    }

    @Test(arguments: JWSAlgorithm.allCases)
    func everyAlgorithmVerifiesEmptyZeroBinaryAndTextPayloads(_ algorithm: JWSAlgorithm) throws {
        let keys = try TestKeys.shared()
        let verifier = JWSVerifier(options: JWSVerificationOptions(hmacSecret: Secret(keys.hmacSecret)))
        for payload in Self.payloads {
            let token = try token(algorithm, payload: payload, keys: keys)
            let verified = try verifier.verify(compact: token, keys: try keys.publicSet())
            #expect(verified.payload == payload)
            #expect(verified.encodedPayload == Base64URL.encode(payload))
            #expect(verified.payloadJSON == .null)  // none of these is a JWT
            // Still bound to its signature: the same signature over one more byte fails.
            let parts = token.split(separator: ".", omittingEmptySubsequences: false)
            let tampered = parts[0] + "." + Base64URL.encode(payload + [0]) + "." + parts[2]
            #expect(
                errorCode { try verifier.verify(compact: tampered, keys: try keys.publicSet()) }
                    == .joseSignatureInvalid)
        }
    }

    @Test func theJWTLayerRefusesAVerifiedPayloadThatIsNotAnObject() throws {
        let keys = try TestKeys.shared()
        // SsoOIDC's IDTokenPolicy then refuses `.null` with jose.claims.invalid (tested in SsoOIDCTests).
        for payload in Self.payloads + [Array("[1]".utf8), Array(#""text""#.utf8)] {
            let verified = try JWSVerifier().verify(
                compact: try token(.es256, payload: payload, keys: keys),
                keys: try keys.publicSet())
            #expect(verified.payloadJSON == .null)
            #expect(errorCode { try verified.jws.claimsSet() } != nil)
        }
        let object = try JWSVerifier().verify(compact: try keys.token(.es256, kid: "p256"), keys: try keys.publicSet())
        #expect(object.payloadJSON["sub"]?.stringValue == "alice")
    }

    @Test func claimsSetUsesTheVerifiersLimits() throws {
        let keys = try TestKeys.shared()
        let nested = String(repeating: "[", count: 5) + String(repeating: "]", count: 5)
        let token = try keys.token(.es256, kid: "p256", payload: #"{"a":\#(nested)}"#)
        let shallow = JWSVerifier(options: JWSVerificationOptions(limits: JOSELimits(maxJSONDepth: 3)))
        let verified = try shallow.verify(compact: token, keys: try keys.publicSet())
        #expect(verified.payloadJSON == .null)
        #expect(errorCode { try verified.jws.claimsSet(limits: JOSELimits(maxJSONDepth: 3)) } == .joseJSONTooDeep)
        #expect(try verified.jws.claimsSet()["a"] != nil)
    }
}
