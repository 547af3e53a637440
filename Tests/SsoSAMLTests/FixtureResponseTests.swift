import Foundation
import SsoCore
import SsoTesting
import Testing
@testable import SsoSAML

/// Responses shaped like each IdP's real ones (Fixtures/saml, made by `scripts/make-saml-fixtures`
/// from test-only keys), validated at the fixture's own time and settings: checks the fixtures as
/// much as the validator. The special cases are refused or accepted as documented.
@Suite struct FixtureResponseTests {
    /// A validator for the fixture folder `idp` with `settings` (its settings.json, possibly changed).
    private func validator(
        _ idp: String, settings: [String: Any], policy: SAMLValidationPolicy = SAMLValidationPolicy(),
        decryption: Bool = false
    ) throws -> SAMLResponseValidator {
        guard let nowText = settings["now"] as? String, let now = Timestamp.parse(nowText) else {
            throw SAMLFixtures.Failure(description: "\(idp)/settings.json has no now")
        }
        let metadata = try IdPMetadata.parse(try SAMLFixtures.bytes("\(idp)/metadata.xml"), now: now)
        let configuration = SAMLResponseValidator.Configuration(
            idpEntityID: metadata.entityID, idpSigningKeys: try SAMLSigningKeySet(metadata: metadata),
            spEntityID: settings["spEntityID"] as? String ?? "", acsURL: settings["acsURL"] as? String ?? "",
            decryptionKey: decryption ? try SAMLDecryptionKey(pem: try SAMLFixtures.text("\(idp)/sp-key.pem")) : nil,
            policy: policy)
        return SAMLResponseValidator(
            configuration: configuration, replayCache: InMemoryReplayCache(), clock: TestClock(now))
    }

    private func validator(
        _ idp: String, policy: SAMLValidationPolicy = SAMLValidationPolicy(), decryption: Bool = false
    ) throws -> (SAMLResponseValidator, [String: Any]) {
        let settings = try SAMLFixtures.json("\(idp)/settings.json")
        return (try validator(idp, settings: settings, policy: policy, decryption: decryption), settings)
    }

    @Test(arguments: [
        ("entra-id", "response.xml"), ("okta", "response.xml"), ("google-workspace", "response.xml"),
        ("onelogin", "response.xml"), ("pingfederate", "response.xml"), ("adfs", "response.xml"),
        ("auth0", "response.xml"), ("rollover", "response.xml"), ("encrypted", "response.xml"),
        ("encrypted", "response-aes-cbc.xml"),
    ])
    func validatesEachIdPShape(_ idp: String, _ file: String) async throws {
        let encrypted = idp == "encrypted"
        let (validator, settings) = try validator(idp, decryption: encrypted)
        let string = { (key: String) in settings[key] as? String }
        let response = try SAMLFixtures.bytes("\(idp)/\(file)")
        let expected = string("inResponseTo")
        let result = try await validator.validate(response, expectedRequestID: expected)
        #expect(result.issuer == string("idpEntityID"))
        #expect(result.nameID == string("nameID"))
        #expect(result.nameIDFormat == string("nameIDFormat"))
        #expect(result.sessionIndex == string("sessionIndex"))
        #expect(result.assertionID == string("assertionID"))
        #expect(result.responseID == string("responseID"))
        #expect(result.attributes == settings["attributes"] as? [String: [String]])
        #expect(Timestamp.format(result.notOnOrAfter) == string("assertionNotOnOrAfter"))
        #expect(result.sessionNotOnOrAfter.map(Timestamp.format) == string("sessionNotOnOrAfter"))
        #expect(result.assertionWasEncrypted == encrypted)
        let signed = string("signed")
        #expect(result.assertionWasSigned == (signed == "assertion" || signed == "both"))
        #expect(result.responseWasSigned == (signed == "response" || signed == "both"))
        if encrypted { #expect(result.assertionWasSigned) }
        let identity = SAMLAttributeMapping.defaults.identity(of: result)
        #expect(identity.email == string("email"))
        #expect(identity.subject == result.nameID)
        // The same bytes a second time are a replay.
        #expect(
            await validationError(
                String(decoding: response, as: UTF8.self), validator: validator, expectedRequestID: expected)?
                .code == .samlReplay)
    }

    @Test func sha1FixtureNeedsTheUnsafeOption() async throws {
        let (strict, settings) = try validator("sha1")
        let response = try SAMLFixtures.bytes("sha1/response.xml")
        let expected = settings["inResponseTo"] as? String
        do {
            _ = try await strict.validate(response, expectedRequestID: expected)
            Issue.record("SHA-1 must be refused by default")
        } catch {
            #expect(error.code == .samlSignatureAlgorithmNotAllowed)
        }
        let refused = await validationError(
            String(decoding: response, as: UTF8.self), validator: try validator("sha1").0, expectedRequestID: expected)
        #expect(refused?.code == .samlSignatureAlgorithmNotAllowed)
        let (relaxed, _) = try validator("sha1", policy: SAMLValidationPolicy(unsafeAllowSHA1: true))
        #expect(
            try await relaxed.validate(response, expectedRequestID: expected).nameID == settings["nameID"] as? String)
    }

    @Test func weakKeyFixtureIsRefused() async throws {
        let (strict, settings) = try validator("weak-key")
        let response = try SAMLFixtures.bytes("weak-key/response.xml")
        let expected = settings["inResponseTo"] as? String
        do {
            _ = try await strict.validate(response, expectedRequestID: expected)
            Issue.record("a 1024-bit key must be refused by default")
        } catch {
            #expect(error.code == .samlSignatureKeyTooSmall)
        }
        let refused = await validationError(
            String(decoding: response, as: UTF8.self), validator: try validator("weak-key").0,
            expectedRequestID: expected)
        #expect(refused?.code == .samlSignatureKeyTooSmall)
    }

    @Test func fixtureRejectedAtAnotherTimeOrForAnotherSP() async throws {
        let settings = try SAMLFixtures.json("okta/settings.json")
        let response = String(decoding: try SAMLFixtures.bytes("okta/response.xml"), as: UTF8.self)
        let expected = settings["inResponseTo"] as? String
        var moved = settings
        moved["now"] = "2026-03-29T14:00:00Z"
        let expired = try validator("okta", settings: moved)
        #expect(
            await validationError(response, validator: expired, expectedRequestID: expected)?.code
                == .samlConditionsExpired)
        var otherSP = settings
        otherSP["spEntityID"] = "https://sp.example.com/saml/metadata/other"
        let wrongAudience = try validator("okta", settings: otherSP)
        #expect(
            await validationError(response, validator: wrongAudience, expectedRequestID: expected)?.code
                == .samlAudienceMismatch)
    }
}
