import Crypto
import Foundation
import Testing
import _CryptoExtras
@testable import SsoJOSE

@Suite("JWS verification and key selection")
struct VerifierTests {
    private let hmacOptions = JWSVerificationOptions(
        hmacSecret: Secret("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"))

    @Test(arguments: JWSAlgorithm.allCases)
    func verifiesEveryAlgorithm(_ algorithm: JWSAlgorithm) throws {
        let keys = try TestKeys.shared()
        let token = try keys.token(algorithm, kid: TestKeys.kid(for: algorithm))
        let verified = try JWSVerifier(options: hmacOptions).verify(compact: token, keys: try keys.publicSet())
        #expect(verified.algorithm == algorithm)
        #expect(verified.keyID == TestKeys.kid(for: algorithm))
        #expect(verified.payloadJSON["sub"]?.stringValue == "alice")
        #expect(verified.payload == Array(#"{"sub":"alice"}"#.utf8))
    }

    @Test(arguments: JWSAlgorithm.allCases)
    func rejectsATamperedPayload(_ algorithm: JWSAlgorithm) throws {
        let keys = try TestKeys.shared()
        let token = try keys.token(algorithm, kid: TestKeys.kid(for: algorithm))
        let parts = token.split(separator: ".")
        let forged = parts[0] + "." + TestSupport.b64(#"{"sub":"admin"}"#) + "." + parts[2]
        #expect(
            errorCode { try JWSVerifier(options: hmacOptions).verify(compact: forged, keys: try keys.publicSet()) }
                == .joseSignatureInvalid)
    }

    @Test func enforcesTheAllowList() throws {
        let keys = try TestKeys.shared()
        let token = try keys.token(.es256, kid: "p256")
        let verifier = JWSVerifier(options: JWSVerificationOptions(allowedAlgorithms: [.rs256]))
        #expect(errorCode { try verifier.verify(compact: token, keys: try keys.publicSet()) } == .joseAlgNotAllowed)
    }

    @Test func hmacNeedsAnExplicitStrongSecret() throws {
        let keys = try TestKeys.shared()
        let token = try keys.token(.hs256)
        // Default options: HS* is not even allowed.
        #expect(
            errorCode { try JWSVerifier().verify(compact: token, keys: try keys.publicSet()) } == .joseAlgNotAllowed)
        // Allowed but no secret.
        let noSecret = JWSVerifier(options: JWSVerificationOptions(allowedAlgorithms: [.hs256]))
        #expect(
            errorCode { try noSecret.verify(compact: token, keys: try keys.publicSet()) } == .joseKeyHMACSecretMissing)
        // Wrong secret.
        let wrong = JWSVerifier(options: JWSVerificationOptions(hmacSecret: Secret(String(repeating: "x", count: 64))))
        #expect(errorCode { try wrong.verify(compact: token, keys: try keys.publicSet()) } == .joseSignatureInvalid)
        // Short secret refused unless explicitly relaxed.
        let shortToken = TestSupport.compact(header: #"{"alg":"HS256"}"#, payload: "{}") {
            Array(HMAC<SHA256>.authenticationCode(for: $0, using: SymmetricKey(data: Array("short".utf8))))
        }
        let short = JWSVerificationOptions(hmacSecret: Secret("short"))
        #expect(
            errorCode { try JWSVerifier(options: short).verify(compact: shortToken, keys: try keys.publicSet()) }
                == .joseKeyHMACSecretWeak)
        var relaxed = short
        relaxed.unsafeAllowShortHMACSecret = true
        #expect(
            errorCode { try JWSVerifier(options: relaxed).verify(compact: shortToken, keys: try keys.publicSet()) }
                == nil)
    }

    @Test func hs256SignedWithTheRSAPublicKeyIsRejected() throws {
        let keys = try TestKeys.shared()
        let rsaJWK = try JWK(rsa: keys.rsa.publicKey, keyID: "rsa")
        let set = try JWKSet(keys: [rsaJWK])
        let publicKeyBytes = [
            Array(keys.rsa.publicKey.pemRepresentation.utf8), Array(keys.rsa.publicKey.derRepresentation),
            Array(rsaJWK.jsonValue.serialized().utf8),
        ]
        for secretBytes in publicKeyBytes {
            let token = TestSupport.compact(header: #"{"alg":"HS256","kid":"rsa"}"#, payload: #"{"sub":"admin"}"#) {
                Array(HMAC<SHA256>.authenticationCode(for: $0, using: SymmetricKey(data: secretBytes)))
            }
            // Default options: HS256 is not allowed at all.
            #expect(errorCode { try JWSVerifier().verify(compact: token, keys: set) } == .joseAlgNotAllowed)
            // Even with HS256 allowed, the JWKS key is never used as the secret.
            let allowHS = JWSVerifier(options: JWSVerificationOptions(allowedAlgorithms: [.hs256, .rs256]))
            #expect(errorCode { try allowHS.verify(compact: token, keys: set) } == .joseKeyHMACSecretMissing)
            #expect(errorCode { try set.selectKey(for: try JWS.parse(token).header) } == .joseKeyMismatch)
        }
    }

    @Test func selectsKeysByKidAndNeverFallsBack() throws {
        let keys = try TestKeys.shared()
        let set = try keys.publicSet()
        // Unknown kid → not_found (SsoOIDC refetches on this), never another key.
        let unknown = try keys.token(.es256, kid: "rotated-away")
        #expect(errorCode { try JWSVerifier().verify(compact: unknown, keys: set) } == .joseKeyNotFound)
        // kid of a key that does not fit the alg → mismatch, not another key.
        let wrongType = try keys.token(.es256, kid: "rsa")
        #expect(errorCode { try JWSVerifier().verify(compact: wrongType, keys: set) } == .joseKeyMismatch)
        let wrongCurve = try keys.token(.es256, kid: "p384")
        #expect(errorCode { try JWSVerifier().verify(compact: wrongCurve, keys: set) } == .joseKeyMismatch)
    }

    @Test(arguments: [
        "../../x", "../../../../etc/passwd", "' OR '1'='1", "rsa\u{0}", "RSA", " rsa", "rsa ", "*", "%2e%2e%2f",
    ])
    func kidTricksFindNothing(_ kid: String) throws {
        let keys = try TestKeys.shared()
        let header = JSONValue.object(["alg": "RS256", "kid": .string(kid)]).serialized()
        let token = try TestSupport.compact(header: header, payload: "{}") { try keys.sign($0, algorithm: .rs256) }
        #expect(errorCode { try JWSVerifier().verify(compact: token, keys: try keys.publicSet()) } == .joseKeyNotFound)
    }

    @Test func kidlessTokensNeedExactlyOneFittingKey() throws {
        let keys = try TestKeys.shared()
        let token = try keys.token(.es256)
        // One fitting key (kid-less or not): used.
        let single = try JWKSet(keys: [JWK(p256: keys.p256.publicKey), try JWK(rsa: keys.rsa.publicKey)])
        #expect(try JWSVerifier().verify(compact: token, keys: single).keyID == nil)
        #expect(try JWSVerifier().verify(compact: token, keys: try keys.publicSet()).keyID == "p256")
        // Several fitting keys: ambiguous, even though one of them would verify.
        let several = try JWKSet(keys: [JWK(p256: P256.Signing.PrivateKey().publicKey), JWK(p256: keys.p256.publicKey)])
        #expect(errorCode { try JWSVerifier().verify(compact: token, keys: several) } == .joseKeyAmbiguous)
        // None fitting.
        let none = try JWKSet(keys: [try JWK(rsa: keys.rsa.publicKey)])
        #expect(errorCode { try JWSVerifier().verify(compact: token, keys: none) } == .joseKeyNotFound)
    }

    @Test func keyAlgUseAndKeyOpsAreHonoured() throws {
        let keys = try TestKeys.shared()
        let pinned = try JWKSet(keys: [try JWK(rsa: keys.rsa.publicKey, keyID: "rsa", algorithm: .ps256)])
        #expect(
            errorCode { try JWSVerifier().verify(compact: try keys.token(.rs256, kid: "rsa"), keys: pinned) }
                == .joseKeyMismatch)
        #expect(
            errorCode { try JWSVerifier().verify(compact: try keys.token(.ps256, kid: "rsa"), keys: pinned) } == nil)
        var members: [String: JSONValue] = [:]
        if case .object(let base) = JWK(p256: keys.p256.publicKey, keyID: "p256").jsonValue { members = base }
        members["key_ops"] = ["verify"]
        members["use"] = "sig"
        let set = try JWKSet.parse(Array(JSONValue.object(["keys": .array([.object(members)])]).serialized().utf8))
        #expect(errorCode { try JWSVerifier().verify(compact: try keys.token(.es256, kid: "p256"), keys: set) } == nil)
    }

    @Test func headerEmbeddedKeysAreIgnored() throws {
        let attacker = P256.Signing.PrivateKey()
        let attackerJWK = JWK(p256: attacker.publicKey, keyID: "evil").jsonValue.serialized()
        let keys = try TestKeys.shared()
        let headers = [
            #"{"alg":"ES256","jwk":\#(attackerJWK)}"#,
            #"{"alg":"ES256","kid":"evil","jwk":\#(attackerJWK)}"#,
            #"{"alg":"ES256","jku":"https://attacker.example/jwks.json"}"#,
            #"{"alg":"ES256","x5u":"https://attacker.example/cert.pem"}"#,
            #"{"alg":"ES256","x5c":["MIIB"]}"#,
        ]
        for header in headers {
            let token = try TestSupport.compact(header: header, payload: #"{"sub":"admin"}"#) {
                Array(try attacker.signature(for: $0).rawRepresentation)
            }
            let code = errorCode { try JWSVerifier().verify(compact: token, keys: try keys.publicSet()) }
            #expect(code == .joseSignatureInvalid || code == .joseKeyNotFound, "\(header)")
        }
    }

    @Test(arguments: [JWSAlgorithm.es256, .es384, .es512])
    func psychicSignaturesAreRejected(_ algorithm: JWSAlgorithm) throws {
        let keys = try TestKeys.shared()
        let length = algorithm == .es256 ? 32 : algorithm == .es384 ? 48 : 66
        let token = try keys.token(algorithm, kid: TestKeys.kid(for: algorithm))
        let set = try keys.publicSet()
        let zero = [UInt8](repeating: 0, count: 2 * length)
        var rZero = zero
        rZero[2 * length - 1] = 1
        var sZero = zero
        sZero[0] = 1
        for signature in [zero, rZero, sZero] {
            let forged = TestSupport.replacingSignature(of: token, with: signature)
            #expect(errorCode { try JWSVerifier().verify(compact: forged, keys: set) } == .joseSignatureMalformed)
        }
    }

    @Test func derEncodedECDSAIsRejected() throws {
        let keys = try TestKeys.shared()
        let header = #"{"alg":"ES256","kid":"p256"}"#
        let payload = #"{"sub":"alice"}"#
        let input = Array((TestSupport.b64(header) + "." + TestSupport.b64(payload)).utf8)
        let der = Array(try keys.p256.signature(for: input).derRepresentation)
        let token = TestSupport.b64(header) + "." + TestSupport.b64(payload) + "." + Base64URL.encode(der)
        #expect(
            errorCode { try JWSVerifier().verify(compact: token, keys: try keys.publicSet()) }
                == .joseSignatureMalformed)
    }

    @Test(arguments: JWSAlgorithm.allCases)
    func truncatedOrPaddedSignaturesAreRejected(_ algorithm: JWSAlgorithm) throws {
        let keys = try TestKeys.shared()
        let token = try keys.token(algorithm, kid: TestKeys.kid(for: algorithm))
        let signature = try Base64URL.decode(token.split(separator: ".")[2])
        for changed in [Array(signature.dropLast()), signature + [0], [0] + signature] {
            let forged = TestSupport.replacingSignature(of: token, with: changed)
            #expect(
                errorCode { try JWSVerifier(options: hmacOptions).verify(compact: forged, keys: try keys.publicSet()) }
                    == .joseSignatureMalformed)
        }
    }

    @Test func unsignedTokensAreRejectedEvenWithASignature() throws {
        let keys = try TestKeys.shared()
        for alg in ["none", "None", "NONE", "nOnE"] {
            let withSignature = try TestSupport.compact(header: #"{"alg":"\#(alg)"}"#, payload: "{}") {
                try keys.sign($0, algorithm: .hs256)
            }
            #expect(
                errorCode {
                    try JWSVerifier(options: hmacOptions).verify(compact: withSignature, keys: try keys.publicSet())
                }
                    == .joseAlgNone)
            let withoutSignature = TestSupport.b64(#"{"alg":"\#(alg)"}"#) + "." + TestSupport.b64("{}") + "."
            #expect(
                errorCode {
                    try JWSVerifier(options: hmacOptions).verify(compact: withoutSignature, keys: try keys.publicSet())
                }
                    == .joseAlgNone)
        }
    }
}
