import Crypto
import Foundation
import SsoTestSupport
import Testing
@testable import SsoJOSE

/// `ssoctl jose verify`: exit codes and JSON output are a contract other tools script against.
/// Runs the `ssoctl` built beside the test bundle.
@Suite("ssoctl jose verify contract")
struct CLIContractTests {
    struct Run {
        let status: Int32
        let json: [String: Any]?
    }

    static var executable: URL { SsoCtlBinary.url }

    static func run(_ arguments: [String], stdin: String? = nil) async throws -> Run {
        let result = try await ChildProcess.run(
            executable, ["jose", "verify"] + arguments, standardInput: stdin.map { Data($0.utf8) })
        let json = (try? JSONSerialization.jsonObject(with: result.standardOutput)) as? [String: Any]
        return Run(status: result.status, json: json)
    }

    static func write(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ssojose-\(UUID().uuidString)")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func errorCodeOf(_ run: Run) -> String? {
        (run.json?["error"] as? [String: Any])?["code"] as? String
    }

    @Test func binaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path))
    }

    @Test func verifiesAgainstAJWKSAndASingleJWK() async throws {
        let keys = try TestKeys.shared()
        let payload = "{\"sub\":\"alice\",\r\n\"n\":1}"
        let token = try keys.token(.es256, kid: "p256", payload: payload)
        let tokenFile = try Self.write(token + "\n")
        let set = JSONValue.object(["keys": .array(try keys.publicJWKs().map(\.jsonValue))]).serialized()
        let ok = try await Self.run(["--token", tokenFile, "--jwks", try Self.write(set)])
        #expect(ok.status == 0)
        #expect(ok.json?["ok"] as? Bool == true)
        #expect(ok.json?["kid"] as? String == "p256")
        #expect(ok.json?["alg"] as? String == "ES256")
        #expect(ok.json?["payload"] as? String == TestSupport.b64(payload))

        let single = JWK(p256: keys.p256.publicKey).jsonValue.serialized()
        let kidless = try await Self.run(["--token", "-", "--jwks", try Self.write(single)], stdin: token)
        #expect(kidless.status == 1)  // token names kid p256; the single key has none
        #expect(errorCodeOf(kidless) == "jose.key.not_found")

        let bare = try keys.token(.es256)
        let nullKid = try await Self.run(["--token", "-", "--jwks", try Self.write(single)], stdin: bare + "  \n")
        #expect(nullKid.status == 0)
        #expect(nullKid.json?["kid"] is NSNull)
    }

    @Test func rejectsWithStableCodes() async throws {
        let keys = try TestKeys.shared()
        let jwks = try Self.write(
            JSONValue.object(["keys": .array(try keys.publicJWKs().map(\.jsonValue))]).serialized())
        let unsigned = TestSupport.b64(#"{"alg":"none"}"#) + "." + TestSupport.b64(#"{"sub":"admin"}"#) + "."
        let none = try await Self.run(["--token", "-", "--jwks", jwks], stdin: unsigned)
        #expect(none.status == 1)
        #expect(none.json?["ok"] as? Bool == false)
        #expect(errorCodeOf(none) == "jose.alg.none")

        let token = try keys.token(.rs256, kid: "rsa")
        let forged = TestSupport.replacingSignature(of: token, with: try keys.sign(Array("x".utf8), algorithm: .rs256))
        #expect(
            errorCodeOf(try await Self.run(["--token", "-", "--jwks", jwks], stdin: forged)) == "jose.signature.invalid"
        )
        let notAllowed = try await Self.run(
            ["--token", "-", "--jwks", jwks, "--algorithms", "ES256,PS256"], stdin: token)
        #expect(notAllowed.status == 1)
        #expect(errorCodeOf(notAllowed) == "jose.alg.not_allowed")
    }

    /// A JWS need not be a JWT: RFC 7520 §4 text payloads and an empty payload verify (exit 0,
    /// same JSON keys, payload printed as base64url, empty for an empty payload).
    @Test func verifiesPayloadsThatAreNotJSON() async throws {
        let jwks = try Self.write(RFCVectorTests.rfc7520JWKS)
        for (algorithm, token) in RFCVectorTests.rfc7520Tokens {
            let run = try await Self.run(["--token", "-", "--jwks", jwks], stdin: token)
            #expect(run.status == 0, "\(algorithm)")
            #expect(run.json.map { Set($0.keys) } == ["ok", "kid", "alg", "payload"])
            #expect(run.json?["alg"] as? String == algorithm.rawValue)
            #expect(run.json?["kid"] as? String == "bilbo.baggins@hobbiton.example")
            #expect(run.json?["payload"] as? String == RFCVectorTests.rfc7520Payload)
        }
        let keys = try TestKeys.shared()
        let input = TestSupport.b64(#"{"alg":"ES256","kid":"p256"}"#) + "."
        let empty = input + "." + Base64URL.encode(try keys.sign(Array(input.utf8), algorithm: .es256))
        let all = try Self.write(
            JSONValue.object(["keys": .array(try keys.publicJWKs().map(\.jsonValue))]).serialized())
        let run = try await Self.run(["--token", "-", "--jwks", all], stdin: empty)
        #expect(run.status == 0)
        #expect(run.json?["payload"] as? String == "")
    }

    @Test func aSetWithAMalformedKeyStillVerifiesWithTheOthers() async throws {
        let keys = try TestKeys.shared()
        let broken: JSONValue = ["kty": "EC", "crv": "P-256", "kid": "broken", "x": "AA", "y": "AA"]
        let jwks = try Self.write(
            JSONValue.object(["keys": .array([broken] + (try keys.publicJWKs().map(\.jsonValue)))]).serialized())
        let ok = try await Self.run(["--token", "-", "--jwks", jwks], stdin: try keys.token(.rs256, kid: "rsa"))
        #expect(ok.status == 0)
        let unusable = try await Self.run(
            ["--token", "-", "--jwks", jwks], stdin: try keys.token(.es256, kid: "broken"))
        #expect(unusable.status == 1)
        #expect(errorCodeOf(unusable) == "jose.key.unusable")
    }

    @Test func hmacOnlyWithAClientSecret() async throws {
        let keys = try TestKeys.shared()
        let jwks = try Self.write(#"{"keys":[]}"#)
        let token = try keys.token(.hs256)
        let without = try await Self.run(["--token", "-", "--jwks", jwks], stdin: token)
        #expect(errorCodeOf(without) == "jose.alg.not_allowed")
        let with = try await Self.run(
            ["--token", "-", "--jwks", jwks, "--client-secret", keys.hmacSecret], stdin: token)
        #expect(with.status == 0)
        #expect(with.json?["alg"] as? String == "HS256")
        let wrong = try await Self.run(
            ["--token", "-", "--jwks", jwks, "--client-secret", String(repeating: "z", count: 64)],
            stdin: token)
        #expect(errorCodeOf(wrong) == "jose.signature.invalid")
    }

    @Test(arguments: [
        ["--token", "-"],
        ["--jwks", "-"],
        ["--token", "-", "--jwks", "-"],
        ["--token", "a", "--jwks", "b", "--algorithms", "RS256,none"],
        ["--token", "a", "--jwks", "b", "--algorithms", "rs256"],
        ["--token", "a", "--jwks", "b", "--client-secret", ""],
        ["--token", "a", "--jwks", "b", "--bogus"],
    ])
    func usageErrorsExitWith2(_ arguments: [String]) async throws {
        #expect(try await Self.run(arguments).status == 2)
    }
}
