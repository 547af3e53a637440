import Crypto
import Foundation
import Testing
import _CryptoExtras
@testable import SsoJOSE

/// RFC 7517 §5: a JWKS member that cannot be understood is skipped, not fatal; a token naming it
/// gets `jose.key.unusable`; what would make selection ambiguous is still refused.
@Suite("JWKS: skipped keys and selection")
struct JWKSetSkippingTests {
    private static func document(_ keys: [JSONValue]) -> [UInt8] {
        Array(JSONValue.object(["keys": .array(keys)]).serialized().utf8)
    }

    private static func members(_ jwk: JWK, kid: String? = nil) -> [String: JSONValue] {
        guard case .object(var members) = jwk.jsonValue else { return [:] }
        if let kid { members["kid"] = .string(kid) }
        return members
    }

    private static func p256(kid: String, editing edit: (inout [String: JSONValue]) -> Void = { _ in }) -> JSONValue {
        var result = members(JWK(p256: P256.Signing.PrivateKey().publicKey), kid: kid)
        edit(&result)
        return .object(result)
    }

    private static func rsa(kid: String, editing edit: (inout [String: JSONValue]) -> Void = { _ in }) throws
        -> JSONValue
    {
        var result = members(try JWK(rsa: try TestKeys.shared().rsa.publicKey), kid: kid)
        edit(&result)
        return .object(result)
    }

    @Test func malformedMembersAreSkippedWithTheirCodeAndTheRestVerifies() throws {
        let keys = try TestKeys.shared()
        let set = try JWKSet.parse(
            Self.document([
                Self.p256(kid: "short") { $0["x"] = .string(Base64URL.encode([UInt8](repeating: 7, count: 31))) },
                Self.p256(kid: "b64") { $0["y"] = "not base64!" },
                try Self.rsa(kid: "no-n") { $0["n"] = nil },
                Self.p256(kid: "x5c") { $0["x5c"] = .array(["bm90IGEgY2VydA=="]) },
                .object([
                    "kty": "OKP", "crv": "Ed25519", "kid": "small",
                    "x": .string(Base64URL.encode([1] + [UInt8](repeating: 0, count: 31))),
                ]),
                42,
                try Self.rsa(kid: "rsa"),
            ]))
        #expect(set.keys.map(\.keyID) == ["rsa"])
        #expect(set.skipped.map(\.index) == Array(0...5))
        let codes = Dictionary(
            uniqueKeysWithValues: set.skipped.compactMap { skip in skip.keyID.map { ($0, skip.code) } })
        #expect(
            codes == [
                "short": .joseJWKInvalid, "b64": .joseJWKInvalid, "no-n": .joseJWKInvalid,
                "x5c": .joseJWKX5CMismatch, "small": .joseJWKWeak,
            ])
        #expect(try JWSVerifier().verify(compact: try keys.token(.rs256, kid: "rsa"), keys: set).keyID == "rsa")
    }

    @Test func aKidNamingOnlySkippedKeysIsUnusableWithTheReason() throws {
        let keys = try TestKeys.shared()
        let set = try JWKSet.parse(
            Self.document([
                Self.p256(kid: "short") { $0["x"] = .string(Base64URL.encode([UInt8](repeating: 7, count: 31))) },
                try Self.rsa(kid: "enc") { $0["use"] = "enc" },
                try Self.rsa(kid: "rsa"),
            ]))
        let token = try keys.token(.es256, kid: "short")
        do {
            _ = try JWSVerifier().verify(compact: token, keys: set)
            Issue.record("a skipped key verified a token")
        } catch {
            #expect(error.code == .joseKeyUnusable)
            #expect(error.message.contains("32 bytes"))
        }
        #expect(
            errorCode { try JWSVerifier().verify(compact: try keys.token(.rs256, kid: "enc"), keys: set) }
                == .joseKeyUnusable)
        #expect(
            errorCode { try JWSVerifier().verify(compact: try keys.token(.rs256, kid: "other"), keys: set) }
                == .joseKeyNotFound)
    }

    /// Had the unreadable key parsed, the `kid` would name two candidates (or the set would be a
    /// duplicate): the readable one is not chosen by a parse failure.
    @Test func anUnreadableKeySharingAKidWithAFittingKeyMakesSelectionAmbiguous() throws {
        let keys = try TestKeys.shared()
        let sameType = try JWKSet.parse(
            Self.document([try Self.rsa(kid: "k") { $0["n"] = nil }, try Self.rsa(kid: "k")]))
        #expect(
            errorCode { try JWSVerifier().verify(compact: try keys.token(.rs256, kid: "k"), keys: sameType) }
                == .joseKeyAmbiguous)
        // A malformed EC key cannot be what an RS256 token means: the RSA key is chosen.
        let otherType = try JWKSet.parse(
            Self.document([
                Self.p256(kid: "k") { $0["y"] = "!" }, try Self.rsa(kid: "k"),
            ]))
        #expect(try JWSVerifier().verify(compact: try keys.token(.rs256, kid: "k"), keys: otherType).keyID == "k")
        #expect(
            errorCode { try JWSVerifier().verify(compact: try keys.token(.es256, kid: "k"), keys: otherType) }
                == .joseKeyUnusable)
        // Keys understood and refused (weak, unsupported) can never verify: they make nothing ambiguous.
        let weakBeside = try JWKSet.parse(
            Self.document([
                .object([
                    "kty": "OKP", "crv": "Ed25519", "kid": "k",
                    "x": .string(Base64URL.encode([UInt8](repeating: 0, count: 32))),
                ]),
                try Self.rsa(kid: "k") { $0["use"] = "enc" },
                try Self.rsa(kid: "k"),
            ]))
        #expect(try JWSVerifier().verify(compact: try keys.token(.rs256, kid: "k"), keys: weakBeside).keyID == "k")
    }

    @Test func aKidlessTokenCountsUnreadableCandidatesToo() throws {
        let keys = try TestKeys.shared()
        let set = try JWKSet.parse(
            Self.document([
                .object(Self.members(JWK(p256: keys.p256.publicKey))),
                .object(["kty": "EC", "crv": "P-256", "x": "AA"]),
                .object(Self.members(try JWK(rsa: keys.rsa.publicKey))),
            ]))
        #expect(errorCode { try JWSVerifier().verify(compact: try keys.token(.es256), keys: set) } == .joseKeyAmbiguous)
        #expect(errorCode { try JWSVerifier().verify(compact: try keys.token(.rs256), keys: set) } == nil)
        let onlyBroken = try JWKSet.parse(Self.document([.object(["kty": "EC", "crv": "P-256", "x": "AA"])]))
        #expect(
            errorCode { try JWSVerifier().verify(compact: try keys.token(.es256), keys: onlyBroken) }
                == .joseKeyUnusable)
        #expect(
            errorCode { try JWSVerifier().verify(compact: try keys.token(.edDSA), keys: onlyBroken) }
                == .joseKeyNotFound)
    }

    /// `String ==` says KELVIN SIGN (U+212A) is "K"; a kid is only ever compared as bytes.
    @Test func kidsAreComparedAsBytes() throws {
        let keys = try TestKeys.shared()
        let set = try JWKSet.parse(Self.document([.object(Self.members(JWK(p256: keys.p256.publicKey), kid: "K"))]))
        #expect("\u{212A}" == "K")  // why bytes matter
        #expect(
            errorCode { try JWSVerifier().verify(compact: try keys.token(.es256, kid: "\u{212A}"), keys: set) }
                == .joseKeyNotFound)
        #expect(try JWSVerifier().verify(compact: try keys.token(.es256, kid: "K"), keys: set).keyID == "K")
        // Nor are they duplicates of each other.
        let other = P256.Signing.PrivateKey().publicKey
        let both = try JWKSet(keys: [JWK(p256: keys.p256.publicKey, keyID: "K"), JWK(p256: other, keyID: "\u{212A}")])
        #expect(both.keys.count == 2)
        #expect(try JWSVerifier().verify(compact: try keys.token(.es256, kid: "K"), keys: both).keyID == "K")
        #expect(
            errorCode { try JWSVerifier().verify(compact: try keys.token(.es256, kid: "\u{212A}"), keys: both) }
                == .joseSignatureInvalid)  // selected the U+212A key, which did not sign it
        // A skipped key's kid is compared the same way.
        let skipped = try JWKSet.parse(Self.document([Self.p256(kid: "K") { $0["y"] = "!" }]))
        #expect(
            errorCode { try JWSVerifier().verify(compact: try keys.token(.es256, kid: "\u{212A}"), keys: skipped) }
                == .joseKeyNotFound)
    }

    @Test func whatStaysFatal() throws {
        let key = Self.p256(kid: "a")
        #expect(errorCode { try JWKSet.parse(Array("[]".utf8)) } == .joseJWKSInvalid)
        #expect(errorCode { try JWKSet.parse(Array(#"{"keys":{}}"#.utf8)) } == .joseJWKSInvalid)
        #expect(
            errorCode { try JWKSet.parse(Array(#"{"keys":[1,2]}"#.utf8), limits: JOSELimits(maxKeys: 1)) }
                == .joseJWKSInvalid)
        #expect(errorCode { try JWKSet.parse(Self.document([key, Self.p256(kid: "a")])) } == .joseJWKSDuplicateKid)
        #expect(try JWKSet.parse(Self.document([key, Self.p256(kid: "a") { $0["y"] = "!" }])).keys.count == 1)
    }
}
