import Foundation
import SsoCore
import SsoTesting
import Testing
@testable import SsoSAML

/// Responses shaped like each IdP's real ones (Fixtures/saml, signed by the xmlsec1 tool from
/// test-only keys), validated at the fixture's own time and settings.
@Suite struct ResponseFixtureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/saml")

    struct Settings {
        let raw: [String: Any]
        var string: (String) -> String? { { raw[$0] as? String } }
    }

    static func load(_ idp: String, file: String = "response.xml") throws -> (Settings, [UInt8], IdPMetadata) {
        let directory = root.appendingPathComponent(idp)
        let settingsData = try Data(contentsOf: directory.appendingPathComponent("settings.json"))
        guard let raw = try JSONSerialization.jsonObject(with: settingsData) as? [String: Any] else {
            throw TestTools.Failure(description: "settings.json of \(idp)")
        }
        let settings = Settings(raw: raw)
        let now = SAMLDateTime.parse(settings.string("now") ?? "") ?? Date()
        let metadata = try IdPMetadata.parse(
            Array(try Data(contentsOf: directory.appendingPathComponent("metadata.xml"))), now: now)
        let response = Array(try Data(contentsOf: directory.appendingPathComponent(file)))
        return (settings, response, metadata)
    }

    static func validator(
        _ settings: Settings, _ metadata: IdPMetadata, policy: SAMLValidationPolicy = .init(), spKey: String? = nil
    ) throws -> SAMLResponseValidator {
        let now = SAMLDateTime.parse(settings.string("now") ?? "") ?? Date()
        var decryption: SAMLDecryptionKey?
        if let spKey {
            decryption = try SAMLDecryptionKey(pem: try String(contentsOf: root.appendingPathComponent(spKey), encoding: .utf8))
        }
        return SAMLResponseValidator(
            configuration: .init(
                idpEntityID: metadata.entityID, idpSigningKeys: try SAMLSigningKeySet(metadata: metadata),
                spEntityID: settings.string("spEntityID") ?? "", acsURL: settings.string("acsURL") ?? "",
                decryptionKey: decryption, policy: policy),
            replayCache: InMemoryReplayCache(), clock: TestClock(now))
    }

    @Test(arguments: [
        ("entra-id", "response.xml"), ("okta", "response.xml"), ("google-workspace", "response.xml"),
        ("onelogin", "response.xml"), ("pingfederate", "response.xml"), ("adfs", "response.xml"),
        ("auth0", "response.xml"), ("rollover", "response.xml"), ("encrypted", "response.xml"),
        ("encrypted", "response-aes-cbc.xml"),
    ])
    func validatesEachIdPShape(_ idp: String, _ file: String) async throws {
        let (settings, response, metadata) = try Self.load(idp, file: file)
        let spKey = idp == "encrypted" ? "encrypted/sp-key.pem" : nil
        let validator = try Self.validator(settings, metadata, spKey: spKey)
        let expected = settings.string("inResponseTo")
        let result = try await validator.validate(response, expectedRequestID: expected)
        #expect(result.issuer == settings.string("idpEntityID"))
        #expect(result.nameID == settings.string("nameID"))
        #expect(result.nameIDFormat == settings.string("nameIDFormat"))
        #expect(result.sessionIndex == settings.string("sessionIndex"))
        #expect(result.assertionID == settings.string("assertionID"))
        #expect(result.responseID == settings.string("responseID"))
        #expect(result.attributes == (settings.raw["attributes"] as? [String: [String]]))
        #expect(Timestamp.format(result.notOnOrAfter) == settings.string("assertionNotOnOrAfter"))
        #expect(result.sessionNotOnOrAfter.map(Timestamp.format) == settings.string("sessionNotOnOrAfter"))
        #expect(result.assertionWasEncrypted == (idp == "encrypted"))
        let identity = SAMLAttributeMapping.defaults.identity(of: result)
        #expect(identity.email == settings.string("email"))
        #expect(identity.subject == result.nameID)
        // The same bytes a second time are a replay.
        #expect(await validationError(String(decoding: response, as: UTF8.self), validator: validator, expectedRequestID: expected)?.code == .samlReplay)
    }

    @Test func sha1FixtureNeedsTheAllowOption() async throws {
        let (settings, response, metadata) = try Self.load("sha1")
        let expected = settings.string("inResponseTo")
        let refused = await validationError(String(decoding: response, as: UTF8.self), validator: try Self.validator(settings, metadata), expectedRequestID: expected)
        #expect(refused?.code == .samlSignatureAlgorithmNotAllowed)
        let result = try await Self.validator(settings, metadata, policy: .init(allowSHA1: true))
            .validate(response, expectedRequestID: expected)
        #expect(result.nameID == settings.string("nameID"))
    }

    @Test func weakKeyFixtureIsRefused() async throws {
        let (settings, response, metadata) = try Self.load("weak-key")
        let refused = await validationError(String(decoding: response, as: UTF8.self), validator: try Self.validator(settings, metadata), expectedRequestID: settings.string("inResponseTo"))
        #expect(refused?.code == .samlSignatureKeyTooSmall)
    }

    @Test func fixtureRejectedAtAnotherTimeOrForAnotherSP() async throws {
        let (settings, response, metadata) = try Self.load("okta")
        var moved = settings.raw
        moved["now"] = "2026-03-29T14:00:00Z"
        let expired = try Self.validator(Settings(raw: moved), metadata)
        #expect(await validationError(String(decoding: response, as: UTF8.self), validator: expired, expectedRequestID: settings.string("inResponseTo"))?.code == .samlConditionsExpired)
        var otherSP = settings.raw
        otherSP["spEntityID"] = "https://sp.example.com/saml/metadata/other"
        let wrongAudience = try Self.validator(Settings(raw: otherSP), metadata)
        #expect(await validationError(String(decoding: response, as: UTF8.self), validator: wrongAudience, expectedRequestID: settings.string("inResponseTo"))?.code == .samlAudienceMismatch)
    }
}
