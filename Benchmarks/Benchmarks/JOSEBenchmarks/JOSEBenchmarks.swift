import Benchmark
import Crypto
import Foundation
import SsoJOSE
import SsoOIDC
import _CryptoExtras

/// ID-token validation (parse + key selection + signature + claim rules, warm key set) beside the
/// bare swift-crypto verification of the same signature over the same bytes, per algorithm.
/// The goal: validation within 1.3× of bare.
let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(3), maxIterations: 100_000)
    guard let fixture = try? JOSEFixture() else {
        print("JOSEBenchmarks: could not build the fixture")
        return
    }
    // Where the overhead goes: parsing, and claim rules, apart from the signature.
    if let token = fixture.tokens[.rs256], let claimsSet = try? JWS.parse(token.compact).claimsSet() {
        Benchmark("Overhead JWS.parse", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try JWS.parse(token.compact))
            }
        }
        Benchmark("Overhead claim rules", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try fixture.claims(claimsSet))
            }
        }
    }
    for algorithm in [JWSAlgorithm.rs256, .ps256, .es256, .edDSA] {
        guard let token = fixture.tokens[algorithm] else { continue }
        Benchmark("IDToken \(algorithm) validate", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try fixture.validate(token))
            }
        }
        Benchmark("IDToken \(algorithm) IDTokenVerifier.validate", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try fixture.verifierValidate(token))
            }
        }
        Benchmark("IDToken \(algorithm) bare swift-crypto", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try fixture.bare(algorithm, token: token))
            }
        }
    }
}

struct BareVerificationFailed: Error {}

/// Keys, tokens and the warm key set.
struct JOSEFixture: Sendable {
    let rsa: _RSA.Signing.PrivateKey
    let p256 = P256.Signing.PrivateKey()
    let ed25519 = Curve25519.Signing.PrivateKey()
    let keySet: JWKSet
    let rsaPublic: _RSA.Signing.PublicKey
    let p256Public: P256.Signing.PublicKey
    let ed25519Public: Curve25519.Signing.PublicKey
    var tokens: [JWSAlgorithm: Token] = [:]
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A token and, for the bare path, its signing input and signature already split out.
    struct Token: Sendable {
        let compact: String
        let signingInput: [UInt8]
        let signature: [UInt8]
    }

    init() throws {
        rsa = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        rsaPublic = rsa.publicKey
        p256Public = p256.publicKey
        ed25519Public = ed25519.publicKey
        keySet = try JWKSet(keys: [
            try JWK(rsaPublicKeyDER: Array(rsa.publicKey.derRepresentation), keyID: "rsa-2026"),
            JWK(p256: p256.publicKey, keyID: "ec-2026"),
            JWK(ed25519: ed25519.publicKey, keyID: "ed-2026"),
            JWK(p256: P256.Signing.PrivateKey().publicKey, keyID: "ec-2025"),
        ])
        let payload =
            #"{"iss":"https://idp.example.com","sub":"00u1a2b3c4d5e6f7g8h9","aud":"0oa1b2c3d4e5f6g7h8i9","#
            + #""iat":1799999990,"exp":1800003590,"auth_time":1799999980,"nonce":"n-0S6_WzA2Mj-Yt3Qz","#
            + #""email":"alice@example.com","email_verified":true,"name":"Alice Example","amr":["pwd","mfa"]}"#
        for (algorithm, kid) in [
            (JWSAlgorithm.rs256, "rsa-2026"), (.ps256, "rsa-2026"), (.es256, "ec-2026"),
            (.edDSA, "ed-2026"),
        ] {
            let header = #"{"alg":"\#(algorithm.rawValue)","kid":"\#(kid)","typ":"JWT"}"#
            let input = Array((Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))).utf8)
            let signature: [UInt8]
            switch algorithm {
            case .rs256:
                signature = Array(
                    try rsa.signature(for: SHA256.hash(data: input), padding: .insecurePKCS1v1_5).rawRepresentation)
            case .ps256:
                signature = Array(try rsa.signature(for: SHA256.hash(data: input), padding: .PSS).rawRepresentation)
            case .es256: signature = Array(try p256.signature(for: input).rawRepresentation)
            default: signature = Array(try ed25519.signature(for: input))
            }
            let compact = String(decoding: input, as: UTF8.self) + "." + Base64URL.encode(signature)
            tokens[algorithm] = Token(compact: compact, signingInput: input, signature: signature)
        }
    }

    /// The full path a server runs per login.
    func validate(_ token: Token) throws -> IDTokenClaims {
        let verified = try JWSVerifier().verify(compact: token.compact, keys: keySet)
        return try claims(verified.payloadJSON)
    }

    /// SsoOIDC's whole ID-token validation with a fixed key set (what a login callback runs).
    func verifierValidate(_ token: Token) throws -> ValidatedIDToken {
        let verifier = IDTokenVerifier(
            issuer: "https://idp.example.com", clientID: "0oa1b2c3d4e5f6g7h8i9", clientSecret: nil)
        return try verifier.validate(
            token.compact, keys: keySet,
            expectations: .init(nonce: "n-0S6_WzA2Mj-Yt3Qz", now: now))
    }

    /// The claim rules alone.
    func claims(_ payload: JSONValue) throws -> IDTokenClaims {
        let policy = IDTokenPolicy(issuer: .exact("https://idp.example.com"), clientID: "0oa1b2c3d4e5f6g7h8i9")
        return try policy.validate(
            claims: payload, algorithm: .rs256, expectations: IDTokenExpectations(nonce: "n-0S6_WzA2Mj-Yt3Qz", now: now)
        )
    }

    /// swift-crypto alone: the signature check with an already imported public key.
    func bare(_ algorithm: JWSAlgorithm, token: Token) throws -> Bool {
        let valid: Bool
        switch algorithm {
        case .rs256:
            valid = rsaPublic.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: token.signature),
                for: SHA256.hash(data: token.signingInput), padding: .insecurePKCS1v1_5)
        case .ps256:
            valid = rsaPublic.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: token.signature),
                for: SHA256.hash(data: token.signingInput), padding: .PSS)
        case .es256:
            valid = p256Public.isValidSignature(
                try P256.Signing.ECDSASignature(rawRepresentation: token.signature),
                for: token.signingInput)
        default:
            valid = ed25519Public.isValidSignature(token.signature, for: token.signingInput)
        }
        guard valid else { throw BareVerificationFailed() }
        return valid
    }
}
