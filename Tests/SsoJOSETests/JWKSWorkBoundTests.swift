import Crypto
import Foundation
import Testing
@testable import SsoJOSE

/// Issue 11 item 3: public-key work done before any signature is checked is bounded by the
/// limits, not by what a JWKS document asks for. Counted in operations, not time.
@Suite("JWKS: bounded key work")
struct JWKSWorkBoundTests {
    private static func counting(_ body: () throws -> Void) rethrows -> JWKWork.Counter {
        let counter = JWKWork.Counter()
        try JWKWork.$counter.withValue(counter) { try body() }
        return counter
    }

    private static func document(_ keys: [JSONValue]) -> [UInt8] {
        Array(JSONValue.object(["keys": .array(keys)]).serialized().utf8)
    }

    @Test func moreMembersThanTheLimitCostNoKeyWork() throws {
        let jwk = JWK(p256: try TestKeys.shared().p256.publicKey).jsonValue
        let limits = JOSELimits.default
        let counter = Self.counting {
            #expect(
                errorCode { try JWKSet.parse(Self.document(Array(repeating: jwk, count: limits.maxKeys + 1))) }
                    == .joseJWKSInvalid)
        }
        #expect(counter.count(.keyConstruction) == 0)
        #expect(counter.count(.certificateParse) == 0)
    }

    /// Malformed members no longer stop the loop, so each one still costs at most one key.
    @Test func everyMemberCostsAtMostOneKeyConstruction() throws {
        guard case .object(var offCurve) = JWK(p256: try TestKeys.shared().p256.publicKey).jsonValue else { return }
        offCurve["y"] = .string(Base64URL.encode([UInt8](repeating: 1, count: 32)))
        let maxKeys = JOSELimits.default.maxKeys
        var set: JWKSet?
        let counter = try Self.counting {
            set = try JWKSet.parse(Self.document(Array(repeating: .object(offCurve), count: maxKeys)))
        }
        #expect(set?.skipped.count == maxKeys)
        #expect(counter.count(.keyConstruction) == maxKeys)
    }

    /// Keys refused from their members alone (use, type, size, length) cost no key work at all.
    @Test func keysRefusedFromTheirMembersCostNothing() throws {
        guard case .object(var enc) = try JWK(rsa: try TestKeys.shared().rsa.publicKey).jsonValue else { return }
        enc["use"] = "enc"
        let short: JSONValue = ["kty": "EC", "crv": "P-256", "x": "AAAA", "y": "AAAA"]
        let counter = try Self.counting {
            let set = try JWKSet.parse(Self.document([.object(enc), short, ["kty": "oct", "k": "AAAA"]]))
            #expect(set.skipped.count == 3)
        }
        #expect(counter.count(.keyConstruction) == 0)
    }

    /// Only the `x5c` leaf is decoded, however long the chain a member claims.
    @Test func onlyTheX5CLeafIsParsed() throws {
        let key = P256.Signing.PrivateKey()
        let leaf = Base64.encode(try JWKTests.selfSignedCertificate(for: key))
        guard case .object(var members) = JWK(p256: key.publicKey).jsonValue else { return }
        members["x5c"] = .array(Array(repeating: .string(leaf), count: 50))
        var set: JWKSet?
        let counter = try Self.counting { set = try JWKSet.parse(Self.document([.object(members)])) }
        #expect(set?.keys.count == 1)
        #expect(counter.count(.certificateParse) == 1)
        #expect(counter.count(.keyConstruction) == 1)
    }
}
