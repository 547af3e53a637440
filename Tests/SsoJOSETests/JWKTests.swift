import Crypto
import Foundation
import SwiftASN1
import Testing
import X509
import _CryptoExtras
@testable import SsoJOSE

@Suite("JWK and JWKS parsing")
struct JWKTests {
    private func json(_ members: [String: JSONValue]) -> [UInt8] { Array(JSONValue.object(members).serialized().utf8) }

    private func rsaMembers(bits: Int = 2048, e: String = "AQAB") throws -> [String: JSONValue] {
        let key =
            bits >= 2048
            ? try TestKeys.shared().rsa.publicKey
            : try _RSA.Signing.PrivateKey(unsafeKeySize: .init(bitCount: bits)).publicKey
        let n = try key.getKeyPrimitives().modulus
        return ["kty": "RSA", "n": .string(Base64URL.encode(n.drop(while: { $0 == 0 }))), "e": .string(e)]
    }

    private func ecMembers() throws -> [String: JSONValue] {
        guard case .object(let members) = JWK(p256: try TestKeys.shared().p256.publicKey).jsonValue else { return [:] }
        return members
    }

    @Test func roundTripsEveryKeyTypeThroughJSON() throws {
        for jwk in try TestKeys.shared().publicJWKs() {
            let parsed = try JWK.parse(Array(jwk.jsonValue.serialized().utf8))
            #expect(parsed.keyID == jwk.keyID)
            #expect(parsed.keyType == jwk.keyType)
            #expect(parsed.curve == jwk.curve)
            #expect(parsed.jsonValue == jwk.jsonValue)
        }
    }

    @Test func rejectsWeakRSAKeys() throws {
        #expect(errorCode { try JWK.parse(json(try rsaMembers(bits: 1024))) } == .joseJWKWeak)
        #expect(errorCode { try JWK.parse(json(try rsaMembers(e: "AQ"))) } == .joseJWKWeak)  // e = 1
        #expect(errorCode { try JWK.parse(json(try rsaMembers(e: "AA"))) } == .joseJWKWeak)  // e = 0
        #expect(errorCode { try JWK.parse(json(try rsaMembers(e: "Ag"))) } == .joseJWKWeak)  // e = 2
        #expect(errorCode { try JWK.parse(json(try rsaMembers(e: "AQAB"))) } == nil)
        #expect(
            errorCode { try JWK(rsa: _RSA.Signing.PrivateKey(unsafeKeySize: .init(bitCount: 1024)).publicKey) }
                == .joseJWKWeak)
    }

    @Test func rejectsECPointsOffTheCurveOrOfTheWrongLength() throws {
        var members = try ecMembers()
        var y = try Base64URL.decode(members["y"]?.stringValue ?? "")
        y[y.count - 1] ^= 1
        members["y"] = .string(Base64URL.encode(y))
        #expect(errorCode { try JWK.parse(json(members)) } == .joseJWKInvalid)
        members = try ecMembers()
        members["x"] = .string(Base64URL.encode(try Base64URL.decode(members["x"]?.stringValue ?? "").dropFirst()))
        #expect(errorCode { try JWK.parse(json(members)) } == .joseJWKInvalid)
        members = try ecMembers()
        members["crv"] = "P-384"
        #expect(errorCode { try JWK.parse(json(members)) } == .joseJWKInvalid)
    }

    @Test func skipsUnusableKeysWithReasonsButKeepsTheRest() throws {
        var rsaEnc = try rsaMembers()
        rsaEnc["use"] = "enc"
        rsaEnc["kid"] = "enc"
        var signOnly = try ecMembers()
        signOnly["key_ops"] = .array(["sign"])
        var oaep = try rsaMembers()
        oaep["alg"] = "RSA-OAEP"
        var weak = try rsaMembers(bits: 1024)
        weak["kid"] = "weak"
        let good = try ecMembers()
        let document: JSONValue = .object([
            "keys": .array([
                .object([
                    "kty": "EC", "crv": "secp256k1", "kid": "k1",
                    "x": "MLnVyPDPQpNm0KaaO4iEh0i8JItHXJE0NcIe8GK1SYs",
                    "y": "7r8d-xF7QAgT5kSRdly6M8xeg4Jz83Gs_CQPQRH65QI",
                ]),
                .object(["kty": "OKP", "crv": "X25519", "x": "hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo"]),
                .object(["kty": "OKP", "crv": "Ed448", "x": "AAAA"]),
                .object(["kty": "oct", "k": "c2VjcmV0"]),
                .object(["kty": "foo"]),
                .object(rsaEnc), .object(signOnly), .object(oaep), .object(weak), .object(good),
            ])
        ])
        let set = try JWKSet.parse(Array(document.serialized().utf8))
        #expect(set.keys.count == 1)
        #expect(set.keys.first?.curve == "P-256")
        #expect(set.skipped.map(\.index) == Array(0...8))
        #expect(set.skipped.first?.keyID == "k1")
        #expect(set.skipped.allSatisfy { !$0.reason.isEmpty })
        #expect(set.skipped.first { $0.keyID == "weak" }?.code == .joseJWKWeak)
        #expect(set.skipped.first { $0.keyID == "enc" }?.code == .joseJWKUnsupported)
    }

    @Test func singleUnusableJWKIsAnError() {
        #expect(errorCode { try JWK.parse(Array(#"{"kty":"oct","k":"c2VjcmV0"}"#.utf8)) } == .joseJWKUnsupported)
        #expect(errorCode { try JWKSet.parseSetOrKey(Array(#"{"kty":"foo"}"#.utf8)) } == .joseJWKUnsupported)
        #expect(errorCode { try JWKSet.parseSetOrKey(Array(#"{"hello":1}"#.utf8)) } == .joseJWKSInvalid)
        #expect(errorCode { try JWKSet.parse(Array(#"{"keys":{}}"#.utf8)) } == .joseJWKSInvalid)
        #expect(errorCode { try JWKSet.parse(Array(#"[]"#.utf8)) } == .joseJWKSInvalid)
    }

    @Test func acceptsASetOrASingleKey() throws {
        let jwk = JWK(p256: try TestKeys.shared().p256.publicKey, keyID: "one")
        let single = try JWKSet.parseSetOrKey(Array(jwk.jsonValue.serialized().utf8))
        #expect(single.keys.map(\.keyID) == ["one"])
        let set = try JWKSet.parseSetOrKey(Array(JSONValue.object(["keys": .array([jwk.jsonValue])]).serialized().utf8))
        #expect(set.keys.map(\.keyID) == ["one"])
    }

    /// With a small-order key, `R` = identity and `S` = 0 verify every message (found by a
    /// black-box audit of `ssoctl jose verify`): such keys, and non-canonical ones, are refused.
    @Test func rejectsSmallOrderAndNonCanonicalEd25519Keys() throws {
        let p = [UInt8(0xed)] + [UInt8](repeating: 0xff, count: 30) + [0x7f]
        var encodings: [[UInt8]] = [
            [UInt8](repeating: 0, count: 32), [0x01] + [UInt8](repeating: 0, count: 31),
            try TestSupport.hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
            try TestSupport.hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
            [0xec] + [UInt8](repeating: 0xff, count: 30) + [0x7f], p, [0xee] + p.dropFirst(),
            [0xff] + [UInt8](repeating: 0xff, count: 30) + [0x7f],
        ]
        encodings += encodings.map {
            var signed = $0; signed[31] |= 0x80; return signed
        }
        for x in encodings {
            let members: [String: JSONValue] = ["kty": "OKP", "crv": "Ed25519", "x": .string(Base64URL.encode(x))]
            #expect(errorCode { try JWK.parse(json(members)) } == .joseJWKWeak, "x = \(x)")
        }
        let genuine = try TestKeys.shared().publicJWKs().filter { $0.curve == "Ed25519" }
        #expect(!genuine.isEmpty)
        for jwk in genuine { #expect(errorCode { try JWK.parse(Array(jwk.jsonValue.serialized().utf8)) } == nil) }

        // Beside genuine keys, the small-order one is skipped as weak: the forged token never verifies.
        let identity: JSONValue = .object([
            "kty": "OKP", "crv": "Ed25519", "kid": "ed0", "x": .string(Base64URL.encode(encodings[1])),
        ])
        let set = try JWKSet.parse(
            Array(JSONValue.object(["keys": .array(genuine.map(\.jsonValue) + [identity])]).serialized().utf8))
        #expect(set.keys.count == genuine.count)
        #expect(set.skipped.map(\.code) == [.joseJWKWeak])
        let forgedInput = TestSupport.b64(#"{"alg":"EdDSA","kid":"ed0"}"#) + "." + TestSupport.b64(#"{"sub":"admin"}"#)
        let forgedToken = forgedInput + "." + Base64URL.encode([1] + [UInt8](repeating: 0, count: 63))
        #expect(errorCode { try JWSVerifier().verify(compact: forgedToken, keys: set) } == .joseKeyUnusable)

        // A key built in code skips parsing: verification refuses it, so the forgery still fails.
        let built = JWK(ed25519: try Curve25519.Signing.PublicKey(rawRepresentation: encodings[1]), keyID: "ed0")
        let input = TestSupport.b64(#"{"alg":"EdDSA","kid":"ed0"}"#) + "." + TestSupport.b64(#"{"sub":"admin"}"#)
        let forged = input + "." + Base64URL.encode([1] + [UInt8](repeating: 0, count: 63))
        #expect(
            errorCode { try JWSVerifier().verify(compact: forged, keys: try JWKSet(keys: [built])) }
                == .joseSignatureInvalid)
    }

    @Test func duplicateKidsForTheSameKeyTypeAreRejected() throws {
        let keys = try TestKeys.shared()
        let other = P256.Signing.PrivateKey().publicKey
        #expect(
            errorCode { try JWKSet(keys: [JWK(p256: keys.p256.publicKey, keyID: "a"), JWK(p256: other, keyID: "a")]) }
                == .joseJWKSDuplicateKid)
        let document = JSONValue.object([
            "keys": .array([
                JWK(p256: keys.p256.publicKey, keyID: "a").jsonValue,
                JWK(p256: other, keyID: "a").jsonValue,
            ])
        ])
        #expect(errorCode { try JWKSet.parse(Array(document.serialized().utf8)) } == .joseJWKSDuplicateKid)
        // Same kid on different key types, and kid-less keys, are fine.
        let mixed = try JWKSet(keys: [
            JWK(p256: keys.p256.publicKey, keyID: "a"), JWK(ed25519: keys.ed25519.publicKey, keyID: "a"),
            JWK(p256: other), JWK(p256: P256.Signing.PrivateKey().publicKey),
        ])
        #expect(mixed.keys.count == 4)
    }

    @Test func enforcesKeyCountAndDocumentSize() throws {
        let jwk = JWK(p256: try TestKeys.shared().p256.publicKey).jsonValue
        let many = JSONValue.object(["keys": .array(Array(repeating: jwk, count: 5))])
        let limits = JOSELimits(maxKeys: 4)
        #expect(errorCode { try JWKSet.parse(Array(many.serialized().utf8), limits: limits) } == .joseJWKSInvalid)
        let small = JOSELimits(maxJWKSBytes: 10)
        #expect(errorCode { try JWKSet.parse(Array(many.serialized().utf8), limits: small) } == .joseJWKSInvalid)
    }

    @Test func x5cMustHoldTheSameKey() throws {
        let key = P256.Signing.PrivateKey()
        let der = try Self.selfSignedCertificate(for: key)
        var members: [String: JSONValue] = [:]
        if case .object(let base) = JWK(p256: key.publicKey).jsonValue { members = base }
        members["x5c"] = .array([.string(Base64.encode(der))])
        members["x5t#S256"] = .string(Base64URL.encode(Array(SHA256.hash(data: der))))
        #expect(errorCode { try JWK.parse(json(members)) } == nil)

        members["x5t#S256"] = .string(Base64URL.encode([UInt8](repeating: 0, count: 32)))
        #expect(errorCode { try JWK.parse(json(members)) } == .joseJWKX5CMismatch)

        members["x5t#S256"] = nil
        members["x5c"] = .array([.string(Base64.encode(try Self.selfSignedCertificate(for: P256.Signing.PrivateKey())))]
        )
        #expect(errorCode { try JWK.parse(json(members)) } == .joseJWKX5CMismatch)
        let document = JSONValue.object(["keys": .array([.object(members)])])
        #expect(try JWKSet.parse(Array(document.serialized().utf8)).skipped.map(\.code) == [.joseJWKX5CMismatch])

        members["x5c"] = .array(["bm90IGEgY2VydA=="])
        #expect(errorCode { try JWK.parse(json(members)) } == .joseJWKX5CMismatch)
    }

    static func selfSignedCertificate(for key: P256.Signing.PrivateKey) throws -> [UInt8] {
        let name = try DistinguishedName { CommonName("swift-sso test") }
        let now = Date()
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: Certificate.PublicKey(key.publicKey),
            notValidBefore: now.addingTimeInterval(-60), notValidAfter: now.addingTimeInterval(3600),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256, extensions: Certificate.Extensions(),
            issuerPrivateKey: Certificate.PrivateKey(key))
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return serializer.serializedBytes
    }
}
