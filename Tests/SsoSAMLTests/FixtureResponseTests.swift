import Foundation
import SsoCore
import SsoTesting
import Testing
@testable import SsoSAML

/// Every fixture response validates with its metadata and settings (checks the fixtures as much as
/// the validator), and the special cases are refused or accepted as documented.
@Suite struct FixtureResponseTests {
    private func validator(
        _ idp: String, policy: SAMLValidationPolicy = SAMLValidationPolicy(),
        decryption: Bool = false
    ) throws -> (SAMLResponseValidator, [String: Any]) {
        let settings = try SAMLFixtures.json("\(idp)/settings.json")
        let metadata = try IdPMetadata.parse(
            try SAMLFixtures.bytes("\(idp)/metadata.xml"), now: try SAMLFixtures.now(idp))
        let configuration = SAMLResponseValidator.Configuration(
            idpEntityID: metadata.entityID, idpSigningKeys: try SAMLSigningKeySet(metadata: metadata),
            spEntityID: settings["spEntityID"] as? String ?? "", acsURL: settings["acsURL"] as? String ?? "",
            decryptionKey: decryption ? try SAMLDecryptionKey(pem: try SAMLFixtures.text("\(idp)/sp-key.pem")) : nil,
            policy: policy)
        return (
            SAMLResponseValidator(
                configuration: configuration, replayCache: InMemoryReplayCache(),
                clock: TestClock(try SAMLFixtures.now(idp))), settings
        )
    }

    @Test(arguments: SAMLFixtures.idps + ["rollover"])
    func fixtureResponseValidates(idp: String) async throws {
        let (validator, settings) = try validator(idp)
        let result = try await validator.validate(
            try SAMLFixtures.bytes("\(idp)/response.xml"),
            expectedRequestID: settings["inResponseTo"] as? String)
        #expect(result.issuer == settings["idpEntityID"] as? String)
        #expect(result.nameID == settings["nameID"] as? String)
        #expect(result.nameIDFormat == settings["nameIDFormat"] as? String)
        #expect(result.sessionIndex == settings["sessionIndex"] as? String)
        #expect(result.attributes == settings["attributes"] as? [String: [String]])
        let signed = settings["signed"] as? String
        #expect(result.assertionWasSigned == (signed == "assertion" || signed == "both"))
        #expect(result.responseWasSigned == (signed == "response" || signed == "both"))
    }

    @Test func encryptedFixturesDecryptAndValidate() async throws {
        for file in ["response.xml", "response-aes-cbc.xml"] {
            let (validator, settings) = try validator("encrypted", decryption: true)
            let result = try await validator.validate(
                try SAMLFixtures.bytes("encrypted/\(file)"),
                expectedRequestID: settings["inResponseTo"] as? String)
            #expect(result.assertionWasEncrypted)
            #expect(result.assertionWasSigned)
            #expect(result.nameID == settings["nameID"] as? String)
        }
    }

    @Test func sha1AndWeakKeyFixturesNeedExplicitPolicy() async throws {
        let (strictSHA1, sha1Settings) = try validator("sha1")
        let sha1 = try SAMLFixtures.bytes("sha1/response.xml")
        let sha1ID = sha1Settings["inResponseTo"] as? String
        do {
            _ = try await strictSHA1.validate(sha1, expectedRequestID: sha1ID)
            Issue.record("SHA-1 must be refused by default")
        } catch {
            #expect(error.code == .samlSignatureAlgorithmNotAllowed)
        }
        let (relaxedSHA1, _) = try validator("sha1", policy: SAMLValidationPolicy(allowSHA1: true))
        #expect(
            try await relaxedSHA1.validate(sha1, expectedRequestID: sha1ID).nameID == sha1Settings["nameID"] as? String)

        let (strictWeak, weakSettings) = try validator("weak-key")
        let weak = try SAMLFixtures.bytes("weak-key/response.xml")
        let weakID = weakSettings["inResponseTo"] as? String
        do {
            _ = try await strictWeak.validate(weak, expectedRequestID: weakID)
            Issue.record("a 1024-bit key must be refused by default")
        } catch {
            #expect(error.code == .samlSignatureKeyTooSmall)
        }
    }
}
