import CXMLSecFloor
import Crypto
import Foundation
import SsoCore
import SsoJOSE
import SsoOIDC
import SsoSAML
import _CryptoExtras

// Interleaved ours-vs-bare ratios in one process, on the same inputs: more trustworthy than two
// separate benchmark runs on a loaded machine. Each round times a batch of ours and a batch of
// the bare primitive back to back (the order alternates every round); the report is the median
// time per operation of each and the median of the per-round ratios.
//
//   swift run -c release RatioRunner [rounds] [batch] [only: rs256|es256|eddsa|saml|saml-xml]
//
// With RATIO_PROFILE=ours or RATIO_PROFILE=bare, each selected case runs only that side, `batch`
// times, with no timing: for `valgrind --tool=callgrind` instruction counts.
//
// The bare side: swift-crypto's verify of the token's signing input with an already imported key
// (JOSE); libxml2's parse + xmlSecDSigCtxVerify of both signatures, called from C (SAML).

let arguments = CommandLine.arguments
let rounds = arguments.count > 1 ? Int(arguments[1]) ?? 41 : 41
let batch = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200
let only = arguments.count > 3 ? arguments[3] : nil
let profileSide = ProcessInfo.processInfo.environment["RATIO_PROFILE"]

@inline(never)
func timeBatch(_ count: Int, _ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<count { try body() }
    return Double(DispatchTime.now().uptimeNanoseconds - start) / Double(count)
}

@inline(never)
func timeBatchAsync(_ count: Int, _ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<count { try await body() }
    return Double(DispatchTime.now().uptimeNanoseconds - start) / Double(count)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
}

func report(_ name: String, ours: [Double], bare: [Double]) {
    let ratios = zip(ours, bare).map { $0 / $1 }
    let line = String(
        format: "%-34@ ours %9.0f ns  bare %9.0f ns  ratio %.3f  (rounds %d × %d, ratio p25 %.3f p75 %.3f)",
        name as NSString, median(ours), median(bare), median(ratios), ours.count, batch,
        ratios.sorted()[ratios.count / 4], ratios.sorted()[ratios.count * 3 / 4])
    print(line)
}

func interleave(_ name: String, ours: () throws -> Void, bare: () throws -> Void) rethrows {
    if let profileSide {
        for _ in 0..<batch { try profileSide == "ours" ? ours() : bare() }
        return
    }
    // Warm-up.
    _ = try timeBatch(batch, ours)
    _ = try timeBatch(batch, bare)
    var oursTimes: [Double] = []
    var bareTimes: [Double] = []
    for round in 0..<rounds {
        if round % 2 == 0 {
            oursTimes.append(try timeBatch(batch, ours))
            bareTimes.append(try timeBatch(batch, bare))
        } else {
            bareTimes.append(try timeBatch(batch, bare))
            oursTimes.append(try timeBatch(batch, ours))
        }
    }
    report(name, ours: oursTimes, bare: bareTimes)
}

func interleaveAsync(_ name: String, ours: () async throws -> Void, bare: () throws -> Void) async rethrows {
    if let profileSide {
        for _ in 0..<batch {
            if profileSide == "ours" { try await ours() } else { try bare() }
        }
        return
    }
    _ = try await timeBatchAsync(batch, ours)
    _ = try timeBatch(batch, bare)
    var oursTimes: [Double] = []
    var bareTimes: [Double] = []
    for round in 0..<rounds {
        if round % 2 == 0 {
            oursTimes.append(try await timeBatchAsync(batch, ours))
            bareTimes.append(try timeBatch(batch, bare))
        } else {
            bareTimes.append(try timeBatch(batch, bare))
            oursTimes.append(try await timeBatchAsync(batch, ours))
        }
    }
    report(name, ours: oursTimes, bare: bareTimes)
}

struct BareFailed: Error {}

// MARK: JOSE

struct JOSECase {
    let name: String
    let token: String
    let signingInput: [UInt8]
    let signature: [UInt8]
    let bare: @Sendable ([UInt8], [UInt8]) -> Bool
}

let issuer = "https://idp.example.com"
let clientID = "0oa1b2c3d4e5f6g7h8i9"
let nonce = "n-0S6_WzA2Mj-Yt3Qz"
let tokenNow = Date(timeIntervalSince1970: 1_800_000_000)

func joseCases() throws -> (JWKSet, [JOSECase]) {
    // Fixture keys (Fixtures/oidc/keys), not fresh ones: set-up then costs the same every run, so
    // callgrind differences between runs are the measured operations only.
    func pem(_ name: String) throws -> String {
        try String(
            contentsOf: fixtureDirectory().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("oidc/keys/\(name).pem"), encoding: .utf8)
    }
    let rsa = try _RSA.Signing.PrivateKey(pemRepresentation: try pem("test-rsa-1"))
    let p256 = try P256.Signing.PrivateKey(pemRepresentation: try pem("test-ec-1"))
    let ed25519 = try Curve25519.Signing.PrivateKey(rawRepresentation: Array(repeating: UInt8(7), count: 32))
    let rsaPublic = rsa.publicKey
    let p256Public = p256.publicKey
    let edPublic = ed25519.publicKey
    let keys = try JWKSet(keys: [
        try JWK(rsaPublicKeyDER: Array(rsaPublic.derRepresentation), keyID: "rsa-2026"),
        JWK(p256: p256Public, keyID: "ec-2026"),
        JWK(ed25519: edPublic, keyID: "ed-2026"),
        JWK(
            p256: try P256.Signing.PrivateKey(rawRepresentation: Array(repeating: UInt8(9), count: 32)).publicKey,
            keyID: "ec-2025"),
    ])
    let payload =
        #"{"iss":"https://idp.example.com","sub":"00u1a2b3c4d5e6f7g8h9","aud":"0oa1b2c3d4e5f6g7h8i9","#
        + #""iat":1799999990,"exp":1800003590,"auth_time":1799999980,"nonce":"n-0S6_WzA2Mj-Yt3Qz","#
        + #""email":"alice@example.com","email_verified":true,"name":"Alice Example","amr":["pwd","mfa"]}"#
    func make(_ alg: String, _ kid: String, sign: ([UInt8]) throws -> [UInt8]) throws -> (String, [UInt8], [UInt8]) {
        let header = #"{"alg":"\#(alg)","kid":"\#(kid)","typ":"JWT"}"#
        let input = Array((Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))).utf8)
        let signature = try sign(input)
        return (String(decoding: input, as: UTF8.self) + "." + Base64URL.encode(signature), input, signature)
    }
    let rs = try make("RS256", "rsa-2026") {
        Array(try rsa.signature(for: SHA256.hash(data: $0), padding: .insecurePKCS1v1_5).rawRepresentation)
    }
    let es = try make("ES256", "ec-2026") { Array(try p256.signature(for: $0).rawRepresentation) }
    let ed = try make("EdDSA", "ed-2026") { Array(try ed25519.signature(for: $0)) }
    return (
        keys,
        [
            JOSECase(name: "rs256", token: rs.0, signingInput: rs.1, signature: rs.2) { input, signature in
                rsaPublic.isValidSignature(
                    _RSA.Signing.RSASignature(rawRepresentation: signature),
                    for: SHA256.hash(data: input), padding: .insecurePKCS1v1_5)
            },
            JOSECase(name: "es256", token: es.0, signingInput: es.1, signature: es.2) { input, signature in
                guard let parsed = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
                return p256Public.isValidSignature(parsed, for: input)
            },
            JOSECase(name: "eddsa", token: ed.0, signingInput: ed.1, signature: ed.2) { input, signature in
                edPublic.isValidSignature(signature, for: input)
            },
        ]
    )
}

// MARK: SAML

func fixtureDirectory() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/saml/okta")
}

struct AcceptAllReplayCache: ReplayCache {
    func insertIfAbsent(_ id: String, expiresAt: Date, now: Date) async throws -> Bool { true }
    func purgeExpired(now: Date, limit: Int) async throws -> Int { 0 }
}

func runAll() async throws {
    print("RatioRunner: \(rounds) rounds × \(batch) per batch")
    let joseSelected = only == nil || ["rs256", "es256", "eddsa"].contains(only ?? "")
    let (keySet, cases) = joseSelected ? try joseCases() : (try JWKSet(keys: []), [])
    let verifier = IDTokenVerifier(issuer: issuer, clientID: clientID, clientSecret: nil)
    let expectations = IDTokenVerifier.Expectations(nonce: nonce, now: tokenNow)
    for test in cases where only == nil || only == test.name {
        _ = try verifier.validate(test.token, keys: keySet, expectations: expectations)
        guard test.bare(test.signingInput, test.signature) else { throw BareFailed() }
        try interleave("IDTokenVerifier.validate \(test.name)") {
            _ = try verifier.validate(test.token, keys: keySet, expectations: expectations)
        } bare: {
            guard test.bare(test.signingInput, test.signature) else { throw BareFailed() }
        }
    }

    if only == nil || only?.hasPrefix("saml") == true {
        let directory = fixtureDirectory()
        let now = Date(timeIntervalSince1970: 1_774_785_600)  // 2026-03-29T12:00:00Z
        let metadata = try IdPMetadata.parse(
            Array(try Data(contentsOf: directory.appendingPathComponent("metadata.xml"))), now: now)
        let validator = SAMLResponseValidator(
            configuration: .init(
                idpEntityID: metadata.entityID, idpSigningKeys: try SAMLSigningKeySet(metadata: metadata),
                spEntityID: "https://sp.example.com/saml/metadata", acsURL: "https://sp.example.com/saml/acs"),
            replayCache: AcceptAllReplayCache(), clock: FixedClock(now: now))
        let requestID = "_2b7e151628aed2a6abf7158809cf4f3c762e7160"
        let xml = Array(try Data(contentsOf: directory.appendingPathComponent("response.xml")))
        // The form field as a callback receives it (after URL-form decoding): one line of base64.
        let formField = Array(Base64.encode(xml).utf8)
        // SsoSAML has initialised libxml2/xmlsec by now (it loaded its keys).
        guard let der = metadata.signingCertificates.first?.derBytes,
            let floorKey = der.withUnsafeBufferPointer({
                xmlsec_floor_load_certificate_key($0.baseAddress, Int32($0.count))
            })
        else { throw BareFailed() }
        defer { xmlsec_floor_free_key(floorKey) }
        func floor() throws {
            let verified = xml.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    xmlsec_floor_parse_and_verify($0.baseAddress, Int32($0.count), floorKey)
                }
            }
            guard verified == 2 else { throw BareFailed() }
        }
        _ = try await validator.validate(formField, expectedRequestID: requestID)
        try floor()
        if only == nil || only == "saml" {
            try await interleaveAsync("SAML validate (base64 form field)") {
                _ = try await validator.validate(formField, expectedRequestID: requestID)
            } bare: {
                try floor()
            }
        }
        if only == nil || only == "saml-xml" {
            try await interleaveAsync("SAML validate (raw XML)") {
                _ = try await validator.validate(xml, expectedRequestID: requestID)
            } bare: {
                try floor()
            }
        }
    }
}

// A synchronous main that waits for the work: `dispatch_main` (what an async main ends in) trips
// valgrind up, and the runner must run under callgrind too.
let finished = DispatchSemaphore(value: 0)
Task.detached {
    do {
        try await runAll()
    } catch {
        print("RatioRunner failed: \(error)")
        exit(1)
    }
    finished.signal()
}
finished.wait()

/// A clock stopped at the fixtures' instant (SsoTesting's `TestClock` without the dependency).
struct FixedClock: SsoClock {
    let now: Date
}
