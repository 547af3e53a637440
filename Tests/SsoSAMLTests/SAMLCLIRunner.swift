import Foundation
import SsoTestSupport

/// Runs the built `ssoctl saml …` for the CLI tests whose success output is not JSON (SP metadata)
/// or whose JSON they read field by field.
enum SAMLCLIRunner {
    struct Run {
        let outcome: ChildProcess.Outcome

        var status: Int32 { outcome.status }
        var text: String { outcome.outputText }
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: outcome.standardOutput)) as? [String: Any] }
        var errorCode: String? { (json?["error"] as? [String: Any])?["code"] as? String }
    }

    static func run(_ arguments: [String], stdin: Data? = nil) async throws -> Run {
        Run(
            outcome: try await ChildProcess.run(SAMLCLIContractTests.binary, ["saml"] + arguments, standardInput: stdin)
        )
    }

    /// A path under Fixtures/saml.
    static func fixture(_ relative: String) -> String { SAMLCLIContractTests.path(relative) }
}
