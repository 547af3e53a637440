import Foundation
import SsoTestSupport
import SsoCore
import SsoJOSE
import SsoOIDC
import SsoTesting
import Testing

/// The `ssoctl oidc …` contract, run against the built `ssoctl` beside the test bundle.
@Suite("ssoctl oidc contract")
struct CLIContractTests {
    struct Run {
        var status: Int32
        var json: [String: Any]?
        var stdout: String
    }

    static var binary: URL { SsoCtlBinary.url }

    static func run(_ arguments: [String], stdin: String? = nil) async throws -> Run {
        let result = try await ChildProcess.run(
            binary, ["oidc"] + arguments, standardInput: stdin.map { Data($0.utf8) })
        let json = (try? JSONSerialization.jsonObject(with: result.standardOutput)) as? [String: Any]
        return Run(status: result.status, json: json, stdout: result.outputText)
    }

    static func errorCode(_ run: Run) -> String? {
        (run.json?["error"] as? [String: Any])?["code"] as? String
    }

    static let okta = [
        "--jwks", fixtureURL("okta/jwks.json").path, "--issuer", "https://dev-40213672.okta.com/oauth2/default",
        "--client-id", "0oa8xk2q3sLhVNq1R5d7", "--now", "2026-03-29T12:00:00Z",
    ]

    @Test("the binary is built beside the tests")
    func binaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "\(Self.binary.path)")
    }

    @Test("a valid token: exit 0 with claims, kid and alg")
    func validToken() async throws {
        let run = try await Self.run(
            ["validate-id-token", "--token", fixtureURL("okta/id_token.jwt").path]
                + Self.okta + [
                    "--nonce", "n-0S6_WzA2Mj", "--access-token",
                    "eyJraWQiOiJ2eFNYeFF2TTVkNkJ2S29IMXlJaFF5T0xjcTFrcW5TTDFhS2NPTG1uWjVFIn0.okta-access-token",
                ])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.json?["ok"] as? Bool == true)
        #expect(run.json?["kid"] as? String == "vxSXxQvM5d6BvKoH1yIhQyOLcq1kqnSL1aKcOLmnZ5E")
        #expect(run.json?["alg"] as? String == "RS256")
        #expect((run.json?["claims"] as? [String: Any])?["sub"] as? String == "00u8xk2q9zKfQWb4j5d7")
    }

    @Test("the token may come from standard input, with a trailing newline")
    func standardInput() async throws {
        let token = try fixtureText("okta/id_token.jwt")
        #expect(token.hasSuffix("\n"))
        let run = try await Self.run(["validate-id-token", "--token", "-"] + Self.okta, stdin: token + " \n")
        #expect(run.status == 0, "\(run.stdout)")
    }

    @Test("a rejected token: exit 1 with the error code")
    func rejectedToken() async throws {
        let expired = try await Self.run(
            ["validate-id-token", "--token", fixtureURL("okta/id_token.jwt").path]
                + Self.okta.dropLast(2) + ["--now", "2026-03-30T12:00:00Z"])
        #expect(expired.status == 1)
        #expect(expired.json?["ok"] as? Bool == false)
        #expect(Self.errorCode(expired) == "jose.claims.exp")
        let nonce = try await Self.run(
            ["validate-id-token", "--token", fixtureURL("okta/id_token.jwt").path]
                + Self.okta + ["--nonce", "other"])
        #expect(Self.errorCode(nonce) == "jose.claims.nonce")
        let hmacOnly = try await Self.run(
            ["validate-id-token", "--token", fixtureURL("okta/id_token.jwt").path]
                + Self.okta + ["--algorithms", "HS256"])
        #expect(Self.errorCode(hmacOnly) == "jose.alg.not_allowed")
    }

    @Test("claims are printed as the token carries them, integers beyond 2^53 included")
    func exactIntegerClaims() async throws {
        let secret = "cli-contract-test-secret-0123456789abcdef"
        let key = FakeSigningKey.hs256(secret: Secret(secret))
        let payload =
            #"{"iss":"https://dev-40213672.okta.com/oauth2/default","aud":"0oa8xk2q3sLhVNq1R5d7","sub":"u1","#
            + #""iat":1774785480,"exp":1774789080,"big":9007199254740993,"neg":-42}"#
        let input =
            Base64URL.encode(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
        let token = input + "." + Base64URL.encode(try key.sign(Array(input.utf8)))
        let run = try await Self.run(
            ["validate-id-token", "--token", "-"] + Self.okta + ["--client-secret", secret], stdin: token)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains(#""big":9007199254740993"#))
        #expect(run.stdout.contains(#""neg":-42"#))
        #expect(!run.stdout.contains(secret))
    }

    @Test("usage errors exit 2")
    func usageErrors() async throws {
        #expect(try await Self.run(["validate-id-token", "--token", "x"]).status == 2)
        #expect(
            try await Self.run(["validate-id-token", "--token", "x"] + Self.okta.dropLast(2) + ["--now", "yesterday"])
                .status == 2)
        #expect(
            try await Self.run(["validate-id-token", "--token", "x"] + Self.okta + ["--algorithms", "XX999"]).status
                == 2)
        #expect(try await Self.run(["validate-discovery", "--document", "x"]).status == 2)
        #expect(try await Self.run(["validate-id-token", "--token", "x"] + Self.okta + ["--nonce", ""]).status == 2)
        #expect(
            try await Self.run(["validate-id-token", "--token", "x"] + Self.okta + ["--access-token", ""]).status == 2)
        #expect(try await Self.run([]).status == 2)  // a command group without its subcommand
        let root = try await ChildProcess.run(Self.binary, [])
        #expect(root.status == 2)
    }

    @Test("validate-discovery: exit 0 with the parsed fields, exit 1 on an issuer mismatch")
    func discovery() async throws {
        let path = fixtureURL("auth0/discovery.json").path
        let good = try await Self.run([
            "validate-discovery", "--document", path, "--issuer", "https://acme-test.us.auth0.com/",
        ])
        #expect(good.status == 0)
        #expect(good.json?["jwks_uri"] as? String == "https://acme-test.us.auth0.com/.well-known/jwks.json")
        let bad = try await Self.run([
            "validate-discovery", "--document", path, "--issuer", "https://acme-test.us.auth0.com",
        ])
        #expect(bad.status == 1)
        #expect(Self.errorCode(bad) == "oidc.discovery.issuer_mismatch")
    }
}
