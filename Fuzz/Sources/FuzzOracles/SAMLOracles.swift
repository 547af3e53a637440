import Foundation
import SsoCore
import SsoSAML

enum SAMLOracles {
    /// A fixture IdP: its validator (fixed metadata, settings and clock) and the values its
    /// signature covers.
    struct Fixture: Sendable {
        let name: String
        let validator: SAMLResponseValidator
        let expectedRequestID: String?
        let issuer: String
        let nameID: String
        let assertionID: String
        let sessionIndex: String?
        let attributes: [String: [String]]
    }

    /// Response fixtures the `saml-response` target picks from with its first byte.
    static let responseIdPs = ["okta", "adfs", "entra-id", "google-workspace", "onelogin", "pingfederate", "auth0"]

    static let responseFixtures = Lazy<[Fixture]> { try responseIdPs.map { try fixture($0) } }
    static let encryptedFixture = Lazy<Fixture> { try fixture("encrypted", spKey: "encrypted/sp-key.pem") }
    static let fixedNow = Lazy<Date> {
        guard let now = parseTime("2026-03-29T12:00:00Z") else { throw PropertyViolation("bad fixed time") }
        return now
    }

    static func fixture(_ name: String, spKey: String? = nil) throws -> Fixture {
        let object = try JSONSerialization.jsonObject(with: Data(try FixtureFiles.bytes("saml/\(name)/settings.json")))
        guard let settings = object as? [String: Any], let nowText = settings["now"] as? String,
            let now = parseTime(nowText),
            let spEntityID = settings["spEntityID"] as? String, let acsURL = settings["acsURL"] as? String,
            let issuer = settings["idpEntityID"] as? String, let nameID = settings["nameID"] as? String,
            let assertionID = settings["assertionID"] as? String
        else { throw PropertyViolation("saml/\(name)/settings.json is incomplete") }
        let metadata = try IdPMetadata.parse(try FixtureFiles.bytes("saml/\(name)/metadata.xml"), now: now)
        let decryption = try spKey.map { try SAMLDecryptionKey(pem: try FixtureFiles.text("saml/\($0)")) }
        let validator = SAMLResponseValidator(
            configuration: .init(
                idpEntityID: metadata.entityID, idpSigningKeys: try SAMLSigningKeySet(metadata: metadata),
                spEntityID: spEntityID, acsURL: acsURL, decryptionKey: decryption),
            replayCache: AcceptAllReplayCache(), clock: FixedClock(now: now))
        return Fixture(
            name: name, validator: validator, expectedRequestID: settings["inResponseTo"] as? String, issuer: issuer,
            nameID: nameID, assertionID: assertionID, sessionIndex: settings["sessionIndex"] as? String,
            attributes: settings["attributes"] as? [String: [String]] ?? [:])
    }

    /// `SAMLResponse` (base64 or raw XML) through full validation with one fixture's settings,
    /// chosen by the first input byte. Property: a response either fails or yields exactly the
    /// values the fixture IdP signed: an unforgeable signature means any accepted mutation
    /// (wrapping, comments, re-encoding, whitespace) must not change what the caller reads.
    static func checkResponse(_ input: [UInt8]) async throws(PropertyViolation) {
        guard let (response, fixture) = try selectFixture(input) else { return }
        try await validate(response, with: fixture)
    }

    /// ``checkResponse(_:)`` for the fuzzer's thread.
    static func checkResponseBlocking(_ input: [UInt8]) throws(PropertyViolation) {
        guard let (response, fixture) = try selectFixture(input) else { return }
        try validateBlocking(response, with: fixture)
    }

    /// The EncryptedAssertion fixture (RSA-OAEP + AES-GCM/CBC) through full validation with the
    /// SP's decryption key. Same property as ``checkResponse(_:)``.
    static func checkEncrypted(_ input: [UInt8]) async throws(PropertyViolation) {
        try await validate(input, with: try encryptedFixture.get())
    }

    /// ``checkEncrypted(_:)`` for the fuzzer's thread.
    static func checkEncryptedBlocking(_ input: [UInt8]) throws(PropertyViolation) {
        try validateBlocking(input, with: try encryptedFixture.get())
    }

    static func selectFixture(_ input: [UInt8]) throws(PropertyViolation) -> ([UInt8], Fixture)? {
        guard let selector = input.first else { return nil }
        let fixtures = try responseFixtures.get()
        return (Array(input.dropFirst()), fixtures[Int(selector) % fixtures.count])
    }

    /// Validates `input` with `fixture` and checks the outcome.
    static func validate(_ input: [UInt8], with fixture: Fixture) async throws(PropertyViolation) {
        try checkOutcome(await outcome(input, with: fixture), of: fixture)
    }

    /// ``validate(_:with:)`` for a thread outside the cooperative pool.
    static func validateBlocking(_ input: [UInt8], with fixture: Fixture) throws(PropertyViolation) {
        try checkOutcome(runBlocking { await outcome(input, with: fixture) }, of: fixture)
    }

    static func outcome(_ input: [UInt8], with fixture: Fixture) async -> Result<SAMLAssertionResult, SsoError> {
        do throws(SsoError) {
            return .success(try await fixture.validator.validate(input, expectedRequestID: fixture.expectedRequestID))
        } catch {
            return .failure(error)
        }
    }

    /// The property: nothing but the fixture's signed values comes out of a successful validation.
    static func checkOutcome(_ outcome: Result<SAMLAssertionResult, SsoError>, of fixture: Fixture)
        throws(PropertyViolation)
    {
        guard case .success(let result) = outcome else { return }
        let name = fixture.name
        let expected = fixture.expectedRequestID
        try require(result.issuer == fixture.issuer, "\(name): accepted issuer \(result.issuer)")
        try require(
            result.nameID == fixture.nameID, "\(name): accepted unsigned NameID \(String(reflecting: result.nameID))")
        try require(result.assertionID == fixture.assertionID, "\(name): accepted assertion \(result.assertionID)")
        if let sessionIndex = fixture.sessionIndex {
            try require(
                result.sessionIndex == sessionIndex,
                "\(name): accepted session index \(String(describing: result.sessionIndex))")
        }
        try require(result.attributes == fixture.attributes, "\(name): accepted attributes \(result.attributes)")
        try require(
            result.inResponseTo == expected, "\(name): accepted InResponseTo \(String(describing: result.inResponseTo))"
        )
        try require(result.assertionWasSigned || result.responseWasSigned, "\(name): accepted an unsigned response")
    }

    /// IdP metadata parse. Properties: accepted metadata names an entity, has an SSO endpoint
    /// and a signing certificate, yields a signing key set, and parsing is deterministic.
    static func checkMetadata(_ input: [UInt8]) throws(PropertyViolation) {
        let now = try fixedNow.get()
        guard let metadata = try? IdPMetadata.parse(input, now: now) else { return }
        try require(!metadata.entityID.isEmpty, "accepted metadata without an entity id")
        try require(!metadata.ssoServices.isEmpty, "accepted metadata without SingleSignOnService")
        try require(!metadata.signingCertificates.isEmpty, "accepted metadata without a signing certificate")
        try require((try? SAMLSigningKeySet(metadata: metadata)) != nil, "accepted metadata whose keys are unusable")
        let again = try? IdPMetadata.parse(input, now: now)
        try require(
            again?.entityID == metadata.entityID && again?.ssoServices.count == metadata.ssoServices.count
                && again?.signingCertificates.map(\.sha256Fingerprint)
                    == metadata.signingCertificates.map(\.sha256Fingerprint),
            "metadata parse is not deterministic")
        if let validUntil = metadata.validUntil {
            try require(validUntil > now, "accepted expired metadata")
        }
    }

    static func parseTime(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}

/// The fixture's fixed instant.
struct FixedClock: SsoClock {
    let now: Date
}

/// Lets the same signed fixture validate on every fuzz iteration (replay protection is tested
/// elsewhere; here it would hide everything after the first success).
struct AcceptAllReplayCache: ReplayCache {
    func insertIfAbsent(_ id: String, expiresAt: Date, now: Date) async throws -> Bool { true }
    func purgeExpired(now: Date, limit: Int) async throws -> Int { 0 }
}
