import Benchmark
import CXMLSecFloor
import Foundation
import Sso
import SsoCore
@_spi(Benchmarks) import SsoSAML
import SsoTesting

// Full SAML Response validation compared with the bare xmlsec work on the same documents
// (Fixtures/saml: Okta shape, ~8 KiB, RSA-2048/SHA-256, Response and Assertion signed; the
// encrypted case, ~8 KiB, AES-256-GCM + RSA-OAEP, signed Assertion). Goal: full ≤ 1.5 × bare.

/// Accepts every assertion ID: the benchmark validates the same document again and again.
struct AcceptAllReplayCache: ReplayCache {
    func insertIfAbsent(_ id: String, expiresAt: Date, now: Date) async throws -> Bool { true }
    func purgeExpired(now: Date, limit: Int) async throws -> Int { 0 }
}

struct SAMLCase {
    let response: [UInt8]
    let requestID: String
    let validator: SAMLResponseValidator
    let keys: SAMLSigningKeySet
    let decryptionKey: SAMLDecryptionKey?
}

/// 2026-03-29T12:00:00Z, the instant the fixtures were recorded at.
let fixtureNow = Date(timeIntervalSince1970: 1_774_785_600)

func fixtureDirectory() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/saml")
}

func loadCase(_ idp: String, requestID: String, spKey: String? = nil) throws -> SAMLCase {
    let directory = fixtureDirectory().appendingPathComponent(idp)
    let now = fixtureNow
    let metadata = try IdPMetadata.parse(
        Array(try Data(contentsOf: directory.appendingPathComponent("metadata.xml"))), now: now)
    let keys = try SAMLSigningKeySet(metadata: metadata)
    let decryptionKey = try spKey.map {
        try SAMLDecryptionKey(pem: try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8))
    }
    let validator = SAMLResponseValidator(
        configuration: .init(
            idpEntityID: metadata.entityID, idpSigningKeys: keys, spEntityID: "https://sp.example.com/saml/metadata",
            acsURL: "https://sp.example.com/saml/acs", decryptionKey: decryptionKey),
        replayCache: AcceptAllReplayCache(), clock: TestClock(now))
    return SAMLCase(
        response: Array(try Data(contentsOf: directory.appendingPathComponent("response.xml"))), requestID: requestID,
        validator: validator, keys: keys, decryptionKey: decryptionKey)
}

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(3))
    let signed: SAMLCase
    let encrypted: SAMLCase
    do {
        signed = try loadCase("okta", requestID: "_2b7e151628aed2a6abf7158809cf4f3c762e7160")
        encrypted = try loadCase(
            "encrypted", requestID: "_a3b4c5d6e7f8091a2b3c4d5e6f70819203142536", spKey: "sp-key.pem")
    } catch {
        print("SAMLBenchmarks: cannot load the fixtures: \(error)")
        return
    }

    Benchmark("SAML signed 8KiB: full validation", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await signed.validator.validate(signed.response, expectedRequestID: signed.requestID))
        }
    }
    Benchmark("SAML signed 8KiB: bare xmlSecDSigCtxVerify", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            precondition(_SAMLSignatureBaseline.verifyAll(signed.response, keys: signed.keys))
        }
    }
    // The form field as the callback receives it, against the C floor: libxml2's parse and
    // xmlSecDSigCtxVerify of both signatures called directly from C (not through SsoSAML).
    let formField = Array(Base64.encode(signed.response).utf8)
    Benchmark("SAML signed 8KiB: full validation from the base64 form field", configuration: configuration) {
        benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await signed.validator.validate(formField, expectedRequestID: signed.requestID))
        }
    }
    let der =
        (try? IdPMetadata.parse(
            Array(try Data(contentsOf: fixtureDirectory().appendingPathComponent("okta/metadata.xml"))), now: fixtureNow
        ))?.signingCertificates.first?.derBytes ?? []
    // The key lives as long as the benchmark process.
    if let floorKey = der.withUnsafeBufferPointer({ xmlsec_floor_load_certificate_key($0.baseAddress, Int32($0.count)) }
    ) {
        Benchmark("SAML signed 8KiB: C floor libxml2 parse + xmlSecDSigCtxVerify", configuration: configuration) {
            benchmark in
            for _ in benchmark.scaledIterations {
                let verified = signed.response.withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) {
                        xmlsec_floor_parse_and_verify($0.baseAddress, Int32($0.count), floorKey)
                    }
                }
                precondition(verified == 2)
            }
        }
    }
    Benchmark("SAML encrypted 8KiB: full validation", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                try await encrypted.validator.validate(encrypted.response, expectedRequestID: encrypted.requestID))
        }
    }
    Benchmark("SAML encrypted 8KiB: bare decrypt + xmlSecDSigCtxVerify", configuration: configuration) { benchmark in
        guard let key = encrypted.decryptionKey else { return }
        for _ in benchmark.scaledIterations {
            precondition(
                _SAMLSignatureBaseline.decryptAndVerifyAll(encrypted.response, keys: encrypted.keys, decryptionKey: key)
            )
        }
    }
}
