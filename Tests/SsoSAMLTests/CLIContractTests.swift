import Foundation
import SsoTestSupport
import Testing

/// `ssoctl saml validate | metadata | authn-request`: flags, exit codes and JSON keys are a
/// contract other tools script against. Runs the `ssoctl` built beside the test bundle against
/// the IdP fixtures.
@Suite("ssoctl saml contract")
struct SAMLCLIContractTests {
    struct Run {
        let status: Int32
        let json: [String: Any]?

        var errorCode: String? { (json?["error"] as? [String: Any])?["code"] as? String }
    }

    static var binary: URL { SsoCtlBinary.url }

    static func run(_ arguments: [String], stdin: Data? = nil) async throws -> Run {
        let result = try await ChildProcess.run(binary, ["saml"] + arguments, standardInput: stdin)
        let json = (try? JSONSerialization.jsonObject(with: result.standardOutput)) as? [String: Any]
        return Run(status: result.status, json: json)
    }

    static func settings(_ idp: String) throws -> [String: Any] {
        let data = Data(try SAMLFixtures.bytes("\(idp)/settings.json"))
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    static func path(_ relative: String) -> String { SAMLFixtures.root.appendingPathComponent(relative).path }

    /// The validate arguments that make `idp`'s fixture response valid.
    static func validateArguments(_ idp: String, response: String? = nil) throws -> [String] {
        let s = try settings(idp)
        var arguments = [
            "validate", "--response", response ?? path("\(idp)/response.xml"), "--idp-metadata",
            path("\(idp)/metadata.xml"),
            "--sp-entity-id", s["spEntityID"] as? String ?? "", "--acs-url", s["acsURL"] as? String ?? "",
            "--now", s["now"] as? String ?? "",
        ]
        if let request = s["inResponseTo"] as? String { arguments += ["--in-response-to", request] }
        if let key = s["spKey"] as? String { arguments += ["--sp-key", path("\(idp)/\(key)")] }
        return arguments
    }

    @Test(arguments: SAMLFixtures.idps + ["rollover", "encrypted"])
    func validFixtureResponsesPrintTheirIdentity(_ idp: String) async throws {
        let s = try Self.settings(idp)
        let run = try await Self.run(try Self.validateArguments(idp))
        #expect(run.status == 0)
        let json = try #require(run.json)
        #expect(json["ok"] as? Bool == true)
        #expect(json["issuer"] as? String == s["idpEntityID"] as? String)
        #expect(json["nameID"] as? String == s["nameID"] as? String)
        #expect(json["nameIDFormat"] as? String == s["nameIDFormat"] as? String)
        #expect(json["sessionIndex"] as? String == s["sessionIndex"] as? String)
        #expect(json["email"] as? String == s["email"] as? String)
        #expect(json["notOnOrAfter"] as? String == s["assertionNotOnOrAfter"] as? String)
        if let attributes = s["attributes"] as? [String: [String]] {
            #expect(json["attributes"] as? [String: [String]] == attributes)
        }
    }

    @Test func base64OnStandardInputIsAccepted() async throws {
        let xml = try SAMLFixtures.bytes("okta/response.xml")
        let encoded = Data(Data(xml).base64EncodedString(options: .lineLength76Characters).utf8)
        let run = try await Self.run(try Self.validateArguments("okta", response: "-"), stdin: encoded)
        #expect(run.status == 0)
        #expect(run.json?["nameID"] as? String == "bob@acme.example")
    }

    @Test func rejectionsExitOneWithTheErrorCode() async throws {
        // Tampered signed content.
        let tampered = try SAMLFixtures.text("okta/response.xml").replacingOccurrences(
            of: "bob@acme.example", with: "eve@acme.example")
        let run = try await Self.run(try Self.validateArguments("okta", response: "-"), stdin: Data(tampered.utf8))
        #expect(run.status == 1)
        #expect(run.json?["ok"] as? Bool == false)
        #expect(run.errorCode?.hasPrefix("saml.") == true)
        #expect(((run.json?["error"] as? [String: Any])?["message"] as? String)?.isEmpty == false)

        // IdP-initiated handling: without --in-response-to a response that answers a request is refused.
        var arguments = try Self.validateArguments("okta")
        if let index = arguments.firstIndex(of: "--in-response-to") { arguments.removeSubrange(index...(index + 1)) }
        #expect(try await Self.run(arguments).status == 1)
        #expect(try await Self.run(arguments + ["--allow-unsolicited"]).status == 1)

        // Wrong audience, and a time after the assertion's lifetime.
        var wrongSP = try Self.validateArguments("okta")
        if let index = wrongSP.firstIndex(of: "--sp-entity-id") { wrongSP[index + 1] = "https://other-sp.example/saml" }
        #expect(try await Self.run(wrongSP).errorCode == "saml.audience.mismatch")
        let late = try await Self.run(try Self.validateArguments("okta") + ["--now", "2026-03-30T12:00:00Z"])
        #expect(late.status == 1)
    }

    @Test func sha1AndWeakKeysNeedTheirFlags() async throws {
        #expect(try await Self.run(try Self.validateArguments("sha1")).status == 1)
        #expect(try await Self.run(try Self.validateArguments("sha1") + ["--allow-sha1"]).status == 0)
        #expect(try await Self.run(try Self.validateArguments("weak-key")).status == 1)
    }

    @Test func usageErrorsExitTwo() async throws {
        let okta = try Self.validateArguments("okta")
        #expect(try await Self.run(["validate", "--response", "x"]).status == 2)
        #expect(try await Self.run(okta + ["--idp-cert", Self.path("keys/okta-cert.pem")]).status == 2)
        #expect(try await Self.run(okta + ["--min-rsa-bits", "512"]).status == 2)
        #expect(try await Self.run(okta + ["--now", "yesterday"]).status == 2)
        #expect(try await Self.run(okta + ["--in-response-to", ""]).status == 2)
        var emptySP = okta
        if let index = emptySP.firstIndex(of: "--sp-entity-id") { emptySP[index + 1] = "" }
        #expect(try await Self.run(emptySP).status == 2)
        #expect(
            try await Self.run([
                "authn-request", "--idp-metadata", Self.path("okta/metadata.xml"),
                "--sp-entity-id", "", "--acs-url", "https://sp.example.com/saml/acs",
            ]).status == 2)
        #expect(try await Self.run([]).status == 2)
    }

    @Test func pinnedCertificatesReplaceMetadata() async throws {
        let s = try Self.settings("okta")
        var arguments = try Self.validateArguments("okta")
        if let index = arguments.firstIndex(of: "--idp-metadata") { arguments.removeSubrange(index...(index + 1)) }
        let pinned = try await Self.run(
            arguments + [
                "--idp-cert", Self.path("keys/okta-cert.pem"), "--idp-entity-id", s["idpEntityID"] as? String ?? "",
            ])
        #expect(pinned.status == 0)
        let wrongKey = try await Self.run(
            arguments + [
                "--idp-cert", Self.path("keys/auth0-cert.pem"), "--idp-entity-id", s["idpEntityID"] as? String ?? "",
            ])
        #expect(wrongKey.status == 1)
    }

    @Test func metadataPrintsEntityEndpointsAndFingerprints() async throws {
        let s = try Self.settings("okta")
        let expected = try #require(s["metadata"] as? [String: Any])
        let run = try await Self.run(["metadata", "--file", Self.path("okta/metadata.xml")])
        #expect(run.status == 0)
        let json = try #require(run.json)
        #expect(json["entityID"] as? String == expected["entityID"] as? String)
        let certificates = try #require(json["signingCertificates"] as? [[String: Any]])
        let expectedCertificates = try #require(expected["signingCertificates"] as? [[String: Any]])
        #expect(
            certificates.map { $0["sha256Fingerprint"] as? String }
                == expectedCertificates.map { $0["sha256Fingerprint"] as? String })
        #expect(
            (json["ssoServices"] as? [[String: Any]])?.count == (expected["ssoServices"] as? [[String: Any]])?.count)
        let broken = try await Self.run(["metadata", "--file", "-"], stdin: Data("<md:EntityDescriptor".utf8))
        #expect(broken.status == 1)
    }

    @Test func authnRequestPrintsTheRedirectURLAndRequestID() async throws {
        let run = try await Self.run([
            "authn-request", "--idp-metadata", Self.path("okta/metadata.xml"),
            "--sp-entity-id", "https://sp.example.com/saml/metadata", "--acs-url", "https://sp.example.com/saml/acs",
        ])
        #expect(run.status == 0)
        let url = try #require(run.json?["url"] as? String)
        let requestID = try #require(run.json?["requestID"] as? String)
        #expect(url.hasPrefix("https://dev-12345678.okta.com/app/") && url.contains("?SAMLRequest="))
        #expect(requestID.hasPrefix("_") && requestID.count >= 33)
    }
}
