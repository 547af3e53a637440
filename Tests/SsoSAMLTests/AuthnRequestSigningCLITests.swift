import Foundation
import SsoCore
import SsoTesting
import Testing
@testable import SsoSAML

/// `ssoctl saml authn-request --signing-key --signing-cert [--binding post]`: signed requests that
/// the test IdP verifies, tampering it refuses, and key/certificate mistakes the CLI refuses.
@Suite("ssoctl saml authn-request signing")
struct AuthnRequestSigningCLITests {
    static let entityID = "https://sp.example.com/saml/metadata"
    static let acsURL = "https://sp.example.com/saml/acs"

    /// An IdP that wants signed requests and has the SP's fixture certificate (keys/sp-cert.pem).
    private func idp() throws -> TestSAMLIdentityProvider {
        var idp = try TestSAMLIdentityProvider(
            privateKeyPEM: try SAMLFixtures.text("keys/okta-key.pem"),
            certificatePEM: try SAMLFixtures.text("keys/okta-cert.pem"), clock: TestClock(SAMLFixtures.fixedNow))
        idp.wantAuthnRequestsSigned = true
        idp.spSigningCertificate = try SAMLCertificate(pem: try SAMLFixtures.text("keys/sp-cert.pem"))
        return idp
    }

    private func run(
        _ idp: TestSAMLIdentityProvider, _ extra: [String], key: String? = "keys/sp-key.pem",
        cert: String? = "keys/sp-cert.pem"
    ) async throws -> SAMLCLIRunner.Run {
        var arguments = [
            "authn-request", "--idp-metadata", "-", "--sp-entity-id", Self.entityID, "--acs-url", Self.acsURL,
            "--relay-state", "relay-1",
        ]
        if let key { arguments += ["--signing-key", SAMLCLIRunner.fixture(key)] }
        if let cert { arguments += ["--signing-cert", SAMLCLIRunner.fixture(cert)] }
        return try await SAMLCLIRunner.run(arguments + extra, stdin: Data(idp.metadataXML().utf8))
    }

    private func refusal(_ body: () throws(SsoError) -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return error.code.rawValue
        }
    }

    @Test func signedRedirectURLVerifiesWithTheTestIdP() async throws {
        let idp = try idp()
        let run = try await run(idp, [])
        #expect(run.status == 0)
        let json = try #require(run.json)
        #expect(Set(json.keys) == ["ok", "url", "requestID"])
        let url = try #require(json["url"] as? String)
        let query = try #require(url.split(separator: "?", maxSplits: 1).last)
        #expect(
            query.split(separator: "&").map { $0.prefix { $0 != "=" } } == [
                "SAMLRequest", "RelayState", "SigAlg", "Signature",
            ])
        #expect(query.contains("SigAlg=" + SAMLRedirectBinding.percentEncode(SAMLRequestSigningKey.rsaSHA256)))
        let received = try idp.receive(redirectURL: url)
        #expect(received.signatureVerified)
        #expect(received.id == json["requestID"] as? String)
        #expect(received.issuer == Self.entityID)
        #expect(received.relayState == "relay-1")
    }

    @Test func tamperedRedirectURLIsRefused() async throws {
        let idp = try idp()
        let url = try #require(try await run(idp, []).json?["url"] as? String)
        let otherRelay = url.replacingOccurrences(of: "RelayState=relay-1", with: "RelayState=relay-2")
        #expect(otherRelay != url)
        #expect(
            refusal { () throws(SsoError) in _ = try idp.receive(redirectURL: otherRelay) } == "saml.signature.invalid")
        let unsigned = try #require(try await run(idp, [], key: nil, cert: nil).json?["url"] as? String)
        #expect(!unsigned.contains("Signature="))
        #expect(
            refusal { () throws(SsoError) in _ = try idp.receive(redirectURL: unsigned) } == "saml.signature.missing")
    }

    @Test func signedPostRequestVerifiesWithTheTestIdP() async throws {
        let idp = try idp()
        let run = try await run(idp, ["--binding", "post"])
        #expect(run.status == 0)
        let json = try #require(run.json)
        #expect(json["url"] == nil)
        #expect(json["destination"] as? String == idp.ssoURL)
        #expect(json["relayState"] as? String == "relay-1")
        let samlRequest = try #require(json["samlRequest"] as? String)
        let html = try #require(json["formHTML"] as? String)
        #expect(html.contains("name=\"SAMLRequest\" value=\"\(samlRequest)\""))
        #expect(html.contains("action=\"\(idp.ssoURL)\""))
        let received = try idp.receive(postedSAMLRequest: samlRequest, relayState: json["relayState"] as? String)
        #expect(received.signatureVerified)
        #expect(received.id == json["requestID"] as? String)
        #expect(received.assertionConsumerServiceURL == Self.acsURL)
    }

    @Test func tamperedPostRequestIsRefused() async throws {
        let idp = try idp()
        let samlRequest = try #require(try await run(idp, ["--binding", "post"]).json?["samlRequest"] as? String)
        let xml = String(decoding: try Base64.decode(samlRequest), as: UTF8.self)
        let tampered = xml.replacingOccurrences(of: Self.acsURL, with: "https://evil.example/saml/acs")
        #expect(tampered != xml)
        let code = refusal { () throws(SsoError) in
            _ = try idp.receive(postedSAMLRequest: Base64.encode(Array(tampered.utf8)), relayState: nil)
        }
        #expect(code?.hasPrefix("saml.signature.") == true)
        let unsigned = try #require(
            try await run(idp, ["--binding", "post"], key: nil, cert: nil).json?["samlRequest"] as? String)
        #expect(
            refusal { () throws(SsoError) in _ = try idp.receive(postedSAMLRequest: unsigned, relayState: nil) }
                == "saml.signature.missing")
    }

    @Test(arguments: ["redirect", "post"])
    func mismatchedKeyAndCertificateAreRefused(_ binding: String) async throws {
        let run = try await run(try idp(), ["--binding", binding], cert: "keys/okta-cert.pem")
        #expect(run.status == 1)
        #expect(run.json?["ok"] as? Bool == false)
        #expect(run.errorCode == "saml.request.invalid_setting")
        #expect(run.json?["url"] == nil && run.json?["samlRequest"] == nil)
    }

    @Test func keyAndCertificateFilesMustHoldWhatTheirFlagsSay() async throws {
        let idp = try idp()
        let certAsKey = try await run(idp, [], key: "keys/sp-cert.pem")
        #expect(certAsKey.status == 1)
        #expect(certAsKey.errorCode == "saml.request.invalid_setting")
        let keyAsCert = try await run(idp, [], cert: "keys/sp-key.pem")
        #expect(keyAsCert.status == 1)
        #expect(keyAsCert.errorCode == "saml.certificate.malformed")
        #expect(try await run(idp, [], key: "keys/missing-key.pem").errorCode == "cli.input_unreadable")
    }

    @Test func usageErrorsExitTwo() async throws {
        let idp = try idp()
        #expect(try await run(idp, [], cert: nil).status == 2)
        #expect(try await run(idp, [], key: nil).status == 2)
        #expect(try await run(idp, ["--binding", "artifact"]).status == 2)
    }
}
