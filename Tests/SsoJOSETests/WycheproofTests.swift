import Foundation
import Testing
@testable import SsoJOSE

/// Every vector of `../shared/vectors/wycheproof/*.json` through SsoJOSE's signature layer
/// (`JWK.verifySignature` / the HMAC check), with the key imported from its JWK (or, for the few
/// ECDSA groups without one, a JWK built from the hex coordinates).
///
/// Policy:
/// - `valid` must verify and `invalid` must be rejected, in every file.
/// - `acceptable` (only "missing NULL in DigestInfo", RSA PKCS#1): we are strict and reject it.
/// - HMAC: JWS never truncates tags (RFC 7518 §3.2), so groups with `tagSize` below 256 must have
///   every vector rejected; keys under 256 bits are refused by default (`jose.key.hmac_secret_weak`)
///   and, with the `unsafe` relaxation, must then match every verdict.
/// - RSA keys with e = 3 are accepted (odd, > 1), so their `valid` vectors must verify.
@Suite("Wycheproof vectors")
struct WycheproofTests {
    struct Outcome {
        var checked = 0
        var mismatches: [String] = []
    }

    static let files = [
        "ecdsa_secp256r1_sha256_p1363_test.json", "ecdsa_secp384r1_sha384_p1363_test.json",
        "ecdsa_secp521r1_sha512_p1363_test.json", "ed25519_test.json", "hmac_sha256_test.json",
        "rsa_pss_2048_sha256_mgf1_32_test.json", "rsa_pss_2048_sha384_mgf1_48_test.json",
        "rsa_pss_4096_sha512_mgf1_64_test.json", "rsa_signature_2048_sha256_test.json",
        "rsa_signature_3072_sha384_test.json", "rsa_signature_4096_sha512_test.json",
    ]

    static func load(_ file: String) throws -> [String: Any] {
        let data = try Data(contentsOf: TestSupport.wycheproofDirectory.appendingPathComponent(file))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func everyVectorFileIsPresentAndCovered() throws {
        let present = try FileManager.default.contentsOfDirectory(atPath: TestSupport.wycheproofDirectory.path)
            .filter { $0.hasSuffix(".json") }
        #expect(Set(present) == Set(Self.files))
    }

    @Test(arguments: files.filter { !$0.hasPrefix("hmac") })
    func signatureVectors(_ file: String) throws {
        let document = try Self.load(file)
        let groups = try #require(document["testGroups"] as? [[String: Any]])
        var outcome = Outcome()
        for group in groups {
            let (jwk, algorithm) = try Self.key(for: group, file: file)
            for test in try #require(group["tests"] as? [[String: Any]]) {
                let id = test["tcId"] as? Int ?? -1
                let result = try #require(test["result"] as? String)
                let message = try TestSupport.hex(try #require(test["msg"] as? String))
                let signature = try TestSupport.hex(try #require(test["sig"] as? String))
                let accepted =
                    errorCode { try jwk.verifySignature(signature, message: message, algorithm: algorithm) } == nil
                outcome.checked += 1
                let expected = result == "valid"  // "acceptable" → strict: rejected
                if accepted != expected { outcome.mismatches.append("\(file) tcId \(id) (\(result))") }
            }
        }
        #expect(outcome.checked >= 100)
        #expect(outcome.mismatches == [])
    }

    @Test func hmacVectors() throws {
        let document = try Self.load("hmac_sha256_test.json")
        let groups = try #require(document["testGroups"] as? [[String: Any]])
        var checked = 0
        var mismatches: [String] = []
        for group in groups {
            let keySize = try #require(group["keySize"] as? Int)
            let tagSize = try #require(group["tagSize"] as? Int)
            for test in try #require(group["tests"] as? [[String: Any]]) {
                let id = test["tcId"] as? Int ?? -1
                let result = try #require(test["result"] as? String)
                let key = try TestSupport.hex(try #require(test["key"] as? String))
                let message = try TestSupport.hex(try #require(test["msg"] as? String))
                let tag = try TestSupport.hex(try #require(test["tag"] as? String))
                let strict = errorCode {
                    try HMACCheck.verify(tag, message: message, key: key, algorithm: .hs256, allowShortKey: false)
                }
                let relaxed = errorCode {
                    try HMACCheck.verify(tag, message: message, key: key, algorithm: .hs256, allowShortKey: true)
                }
                checked += 1
                if tagSize < 256 {
                    if strict == nil || relaxed == nil { mismatches.append("truncated tag accepted: tcId \(id)") }
                } else if keySize < 256 {
                    if strict != .joseKeyHMACSecretWeak { mismatches.append("short key not refused: tcId \(id)") }
                    if (relaxed == nil) != (result == "valid") { mismatches.append("relaxed tcId \(id) (\(result))") }
                } else {
                    if (strict == nil) != (result == "valid") { mismatches.append("tcId \(id) (\(result))") }
                }
            }
        }
        #expect(checked == 174)
        #expect(mismatches == [])
    }

    /// The group's key as a JWK, and the JWS algorithm the file exercises.
    static func key(for group: [String: Any], file: String) throws -> (JWK, JWSAlgorithm) {
        let algorithm: JWSAlgorithm
        switch file {
        case _ where file.hasPrefix("ecdsa_secp256r1"): algorithm = .es256
        case _ where file.hasPrefix("ecdsa_secp384r1"): algorithm = .es384
        case _ where file.hasPrefix("ecdsa_secp521r1"): algorithm = .es512
        case _ where file.hasPrefix("ed25519"): algorithm = .edDSA
        case _ where file.hasPrefix("rsa_pss_2048_sha256"): algorithm = .ps256
        case _ where file.hasPrefix("rsa_pss_2048_sha384"): algorithm = .ps384
        case _ where file.hasPrefix("rsa_pss_4096_sha512"): algorithm = .ps512
        case _ where file.hasPrefix("rsa_signature_2048"): algorithm = .rs256
        case _ where file.hasPrefix("rsa_signature_3072"): algorithm = .rs384
        default: algorithm = .rs512
        }
        if let jwk = (group["publicKeyJwk"] ?? group["keyJwk"]) as? [String: Any] {
            let data = try JSONSerialization.data(withJSONObject: jwk)
            return (try JWK.parse(Array(data)), algorithm)
        }
        let publicKey = try #require(group["publicKey"] as? [String: Any])
        let length = algorithm == .es256 ? 32 : algorithm == .es384 ? 48 : 66
        func coordinate(_ name: String) throws -> String {
            let bytes = try TestSupport.hex(try #require(publicKey[name] as? String)).drop(while: { $0 == 0 })
            return Base64URL.encode([UInt8](repeating: 0, count: max(0, length - bytes.count)) + bytes)
        }
        let curve = algorithm == .es256 ? "P-256" : algorithm == .es384 ? "P-384" : "P-521"
        let members: JSONValue = [
            "kty": "EC", "crv": .string(curve), "x": .string(try coordinate("wx")),
            "y": .string(try coordinate("wy")),
        ]
        return (try JWK.parse(Array(members.serialized().utf8)), algorithm)
    }
}
