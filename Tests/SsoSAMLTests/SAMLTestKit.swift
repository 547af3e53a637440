import Foundation
import SsoCore
import SsoTestSupport
import SsoTesting
@testable import SsoSAML

/// The command-line tools some tests use as an implementation independent of the code under test:
/// `openssl` makes the test PKI, `xmlsec1` verifies what SsoSAML signs. Signed and encrypted
/// responses come from SsoTesting's ``TestSAMLResponseBuilder``.
enum TestTools {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs a tool; throws with its stderr when it fails. The child runs off the cooperative pool
    /// (a blocking wait there starves every other test on a 2-core machine).
    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil) async throws -> Data {
        let outcome = try await ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), arguments, standardInput: stdin)
        guard outcome.status == 0 else {
            throw Failure(description: "\(arguments.joined(separator: " ")): \(outcome.errorText)")
        }
        return outcome.standardOutput
    }
}

/// The test PKI, generated once per test process into a temporary directory.
struct TestPKI: Sendable {
    let directory: String
    let idp: TestSAMLKeyPair
    let idpRollover: TestSAMLKeyPair
    let attacker: TestSAMLKeyPair
    let weak: TestSAMLKeyPair
    let ec: TestSAMLKeyPair
    let sp: TestSAMLKeyPair
    let expired: TestSAMLKeyPair

    private static let made = Task { try await TestPKI() }

    static func shared() async throws -> TestPKI { try await made.value }

    private init() async throws {
        let directory = NSTemporaryDirectory() + "sso-saml-tests-\(UUID().uuidString)"
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        func read(_ name: String) throws -> TestSAMLKeyPair {
            TestSAMLKeyPair(
                keyPEM: try String(contentsOfFile: "\(directory)/\(name)-key.pem", encoding: .utf8),
                certificatePEM: try String(contentsOfFile: "\(directory)/\(name)-cert.pem", encoding: .utf8))
        }
        func rsa(_ name: String, bits: Int = 2048, days: String = "3650", extra: [String] = []) async throws
            -> TestSAMLKeyPair
        {
            try await TestTools.run(
                [
                    "openssl", "req", "-x509", "-newkey", "rsa:\(bits)", "-nodes", "-keyout",
                    "\(directory)/\(name)-key.pem", "-out", "\(directory)/\(name)-cert.pem", "-days", days,
                    "-subj", "/CN=\(name) TEST ONLY",
                ] + extra)
            return try read(name)
        }
        idp = try await rsa("idp")
        idpRollover = try await rsa("idp-next")
        attacker = try await rsa("attacker")
        weak = try await rsa("weak", bits: 1024)
        sp = try await rsa("sp")
        expired = try await rsa("expired", days: "1")
        try await TestTools.run([
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", "\(directory)/ec-key.pem", "-out", "\(directory)/ec-cert.pem", "-days", "3650",
            "-subj", "/CN=ec TEST ONLY",
        ])
        ec = try read("ec")
    }
}

/// A validator configured for the builder's defaults.
func makeValidator(
    certificates: [TestSAMLKeyPair]? = nil, policy: SAMLValidationPolicy = SAMLValidationPolicy(),
    decryption: TestSAMLKeyPair? = nil, replayCache: any ReplayCache = InMemoryReplayCache(),
    now: Date = TestSAMLResponseBuilder.now
) async throws -> SAMLResponseValidator {
    let pki = try await TestPKI.shared()
    let pem = (certificates ?? [pki.idp]).map(\.certificatePEM).joined(separator: "\n")
    let configuration = SAMLResponseValidator.Configuration(
        idpEntityID: TestSAMLResponseBuilder.idpEntityID, idpSigningKeys: try SAMLSigningKeySet(pemCertificates: pem),
        spEntityID: TestSAMLResponseBuilder.spEntityID, acsURL: TestSAMLResponseBuilder.acsURL,
        decryptionKey: try decryption.map { (pair) throws -> SAMLDecryptionKey in
            try SAMLDecryptionKey(pem: pair.keyPEM)
        },
        policy: policy)
    return SAMLResponseValidator(configuration: configuration, replayCache: replayCache, clock: TestClock(now))
}

/// Validates and returns the error code, or `nil` when valid.
func rejection(
    _ xml: String, validator: SAMLResponseValidator, expectedRequestID: String? = TestSAMLResponseBuilder.requestID
) async -> String? {
    do {
        _ = try await validator.validate(xml, expectedRequestID: expectedRequestID)
        return nil
    } catch {
        return error.code.rawValue
    }
}

/// Validates and returns the error, or `nil` when valid.
func validationError(
    _ xml: String, validator: SAMLResponseValidator, expectedRequestID: String? = TestSAMLResponseBuilder.requestID
) async -> SsoError? {
    do {
        _ = try await validator.validate(xml, expectedRequestID: expectedRequestID)
        return nil
    } catch {
        return error
    }
}
