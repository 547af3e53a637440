import Crypto
import Foundation
import Testing
@testable import SsoJOSE

/// Issue 11 item 7: a real OP's JWKS (cryptojwt) wrote P-521 coordinates of 65 bytes — a zero
/// top byte dropped — which rejected the whole set and every login through that provider.
@Suite("P-521 coordinates of 65 bytes")
struct P521ShortCoordinateTests {
    /// A real P-521 key whose x or y starts with 0x00 (about 1 key in 2 with a 66-byte encoding,
    /// since the top byte holds one bit), and its JWK members with that zero byte dropped.
    static func keyWithDroppedZero() throws -> (P521.Signing.PrivateKey, [String: JSONValue]) {
        for _ in 0..<200 {
            let key = P521.Signing.PrivateKey()
            let point = Array(key.publicKey.x963Representation.dropFirst())
            let x = Array(point.prefix(66)), y = Array(point.suffix(66))
            guard x[0] == 0 || y[0] == 0 else { continue }
            let members: [String: JSONValue] = [
                "kty": "EC", "crv": "P-521", "kid": "p521",
                "x": .string(Base64URL.encode(x[0] == 0 ? Array(x.dropFirst()) : x)),
                "y": .string(Base64URL.encode(y[0] == 0 ? Array(y.dropFirst()) : y)),
            ]
            return (key, members)
        }
        throw SsoError(.joseJWKInvalid, "no P-521 key with a leading zero coordinate byte in 200 tries")
    }

    @Test func theShortShapeVerifiesES512AndTheSetsOtherKeysStillWork() throws {
        let keys = try TestKeys.shared()
        let (p521, members) = try Self.keyWithDroppedZero()
        let lengths = [members["x"], members["y"]].map { try? Base64URL.decode($0?.stringValue ?? "").count }
        #expect(lengths.contains(65))
        let rsa = try JWK(rsa: keys.rsa.publicKey, keyID: "rsa").jsonValue
        let set = try JWKSet.parse(
            Array(JSONValue.object(["keys": .array([.object(members), rsa])]).serialized().utf8))
        #expect(set.skipped.isEmpty)
        #expect(try JWSVerifier().verify(compact: try keys.token(.rs256, kid: "rsa"), keys: set).keyID == "rsa")

        let token = try TestSupport.compact(header: #"{"alg":"ES512","kid":"p521"}"#, payload: #"{"sub":"alice"}"#) {
            Array(try p521.signature(for: $0).rawRepresentation)
        }
        #expect(try JWSVerifier().verify(compact: token, keys: set).keyID == "p521")
        // The same key, re-served at full size, is the same key.
        let key = try #require(set.keys.first { $0.curve == "P-521" })
        #expect(key.jsonValue == JWK(p521: p521.publicKey, keyID: "p521").jsonValue)
        let forged = try keys.token(.es512, kid: "p521")  // signed by another P-521 key
        #expect(errorCode { try JWSVerifier().verify(compact: forged, keys: set) } == .joseSignatureInvalid)
    }

    /// Only P-521's one-bit top byte may be dropped; shorter P-521 coordinates and short P-256/P-384
    /// ones are malformed — skipped, so an RS256 login through the set's RSA key still works.
    @Test func otherShortCoordinatesAreSkippedNotFatal() throws {
        let keys = try TestKeys.shared()
        let (_, members) = try Self.keyWithDroppedZero()
        var tooShort = members
        tooShort["x"] = .string(Base64URL.encode([UInt8](repeating: 1, count: 64)))
        guard case .object(var p256) = JWK(p256: keys.p256.publicKey, keyID: "p256").jsonValue else { return }
        p256["x"] = .string(Base64URL.encode(try Base64URL.decode(p256["x"]?.stringValue ?? "").dropFirst()))
        let rsa = try JWK(rsa: keys.rsa.publicKey, keyID: "rsa").jsonValue
        let set = try JWKSet.parse(
            Array(JSONValue.object(["keys": .array([.object(tooShort), .object(p256), rsa])]).serialized().utf8))
        #expect(set.skipped.map(\.code) == [.joseJWKInvalid, .joseJWKInvalid])
        #expect(set.skipped.allSatisfy { $0.reason.contains("bytes") })
        #expect(try JWSVerifier().verify(compact: try keys.token(.rs256, kid: "rsa"), keys: set).keyID == "rsa")
        #expect(
            errorCode { try JWSVerifier().verify(compact: try keys.token(.es256, kid: "p256"), keys: set) }
                == .joseKeyUnusable)
    }
}
