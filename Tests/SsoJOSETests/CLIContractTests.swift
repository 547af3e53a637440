import Crypto
import Foundation
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

    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ssoctl")
    }

    static func run(_ arguments: [String], stdin: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["jose", "verify"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        return Run(status: process.terminationStatus, json: json)
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

    @Test func verifiesAgainstAJWKSAndASingleJWK() throws {
        let keys = try TestKeys.shared()
        let payload = "{\"sub\":\"alice\",\r\n\"n\":1}"
        let token = try keys.token(.es256, kid: "p256", payload: payload)
        let tokenFile = try Self.write(token + "\n")
        let set = JSONValue.object(["keys": .array(try keys.publicJWKs().map(\.jsonValue))]).serialized()
        let ok = try Self.run(["--token", tokenFile, "--jwks", try Self.write(set)])
        #expect(ok.status == 0)
        #expect(ok.json?["ok"] as? Bool == true)
        #expect(ok.json?["kid"] as? String == "p256")
        #expect(ok.json?["alg"] as? String == "ES256")
        #expect(ok.json?["payload"] as? String == TestSupport.b64(payload))

        let single = JWK(p256: keys.p256.publicKey).jsonValue.serialized()
        let kidless = try Self.run(["--token", "-", "--jwks", try Self.write(single)], stdin: token)
        #expect(kidless.status == 1)  // token names kid p256; the single key has none
        #expect(errorCodeOf(kidless) == "jose.key.not_found")

        let bare = try keys.token(.es256)
        let nullKid = try Self.run(["--token", "-", "--jwks", try Self.write(single)], stdin: bare + "  \n")
        #expect(nullKid.status == 0)
        #expect(nullKid.json?["kid"] is NSNull)
    }

    @Test func rejectsWithStableCodes() throws {
        let keys = try TestKeys.shared()
        let jwks = try Self.write(JSONValue.object(["keys": .array(try keys.publicJWKs().map(\.jsonValue))]).serialized())
        let unsigned = TestSupport.b64(#"{"alg":"none"}"#) + "." + TestSupport.b64(#"{"sub":"admin"}"#) + "."
        let none = try Self.run(["--token", "-", "--jwks", jwks], stdin: unsigned)
        #expect(none.status == 1)
        #expect(none.json?["ok"] as? Bool == false)
        #expect(errorCodeOf(none) == "jose.alg.none")

        let token = try keys.token(.rs256, kid: "rsa")
        let forged = TestSupport.replacingSignature(of: token, with: try keys.sign(Array("x".utf8), algorithm: .rs256))
        #expect(errorCodeOf(try Self.run(["--token", "-", "--jwks", jwks], stdin: forged)) == "jose.signature.invalid")
        let notAllowed = try Self.run(["--token", "-", "--jwks", jwks, "--algorithms", "ES256,PS256"], stdin: token)
        #expect(notAllowed.status == 1)
        #expect(errorCodeOf(notAllowed) == "jose.alg.not_allowed")
    }

    @Test func hmacOnlyWithAClientSecret() throws {
        let keys = try TestKeys.shared()
        let jwks = try Self.write(#"{"keys":[]}"#)
        let token = try keys.token(.hs256)
        let without = try Self.run(["--token", "-", "--jwks", jwks], stdin: token)
        #expect(errorCodeOf(without) == "jose.alg.not_allowed")
        let with = try Self.run(["--token", "-", "--jwks", jwks, "--client-secret", keys.hmacSecret], stdin: token)
        #expect(with.status == 0)
        #expect(with.json?["alg"] as? String == "HS256")
        let wrong = try Self.run(["--token", "-", "--jwks", jwks, "--client-secret", String(repeating: "z", count: 64)],
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
    func usageErrorsExitWith2(_ arguments: [String]) throws {
        #expect(try Self.run(arguments).status == 2)
    }
}
