import Foundation
import SsoCore
import SsoTesting
import Testing
@testable import SsoSAML

/// Look-alike identifiers that Swift's `String ==` calls equal (canonical equivalence) or that
/// only a compatibility mapping would fold: each must be refused with its field's own code,
/// in a Response that is signed and otherwise valid.
enum LookAlike: String, CaseIterable, Sendable {
    /// U+212A KELVIN SIGN for `K` (canonically equivalent).
    case kelvinSign
    /// `e` + U+0301 COMBINING ACUTE for the precomposed `é` (canonically equivalent, NFD).
    case decomposed
    /// U+FF2B FULLWIDTH LATIN CAPITAL LETTER K for `K` (compatibility only).
    case fullWidth

    /// `identifier` with its first `K` (or `é`) replaced. Our identifiers hold both.
    func apply(to identifier: String) -> String {
        switch self {
        case .kelvinSign: return identifier.replacingOccurrences(of: "K", with: "\u{212A}")
        case .decomposed: return identifier.replacingOccurrences(of: "\u{E9}", with: "e\u{301}")
        case .fullWidth: return identifier.replacingOccurrences(of: "K", with: "\u{FF2B}")
        }
    }

    /// Whether Swift's `==` would have accepted the look-alike (so the test proves the fix).
    var isCanonicallyEquivalent: Bool { self != .fullWidth }
}

@Suite("SAML identifiers are compared as bytes")
struct SAMLExactIdentifierTests {
    // Identifiers with a `K` and an `é`, so each look-alike changes them.
    static let idpEntityID = "https://idp.example.com/saml/Kéy"
    static let spEntityID = "urn:example:sp:Kafé"
    static let acsURL = "https://sp.example.com/saml/acs/Ké"
    static let requestID = "_req-Ké42"

    static func builder() -> TestSAMLResponseBuilder {
        var builder = TestSAMLResponseBuilder()
        builder.issuer = idpEntityID
        builder.assertionIssuer = idpEntityID
        builder.audience = spEntityID
        builder.destination = acsURL
        builder.recipient = acsURL
        builder.inResponseTo = requestID
        builder.confirmationInResponseTo = requestID
        return builder
    }

    static func validator() async throws -> SAMLResponseValidator {
        let pki = try await TestPKI.shared()
        let configuration = SAMLResponseValidator.Configuration(
            idpEntityID: idpEntityID, idpSigningKeys: try SAMLSigningKeySet(pemCertificates: pki.idp.certificatePEM),
            spEntityID: spEntityID, acsURL: acsURL, decryptionKey: nil, policy: SAMLValidationPolicy())
        return SAMLResponseValidator(
            configuration: configuration, replayCache: InMemoryReplayCache(),
            clock: TestClock(TestSAMLResponseBuilder.now))
    }

    /// Signs both the Response and the Assertion, so every field is covered by a signature.
    static func code(of builder: TestSAMLResponseBuilder, expectedRequestID: String? = requestID) async throws
        -> String?
    {
        let xml = try builder.signed(.both, key: try await TestPKI.shared().idp)
        return await rejection(xml, validator: try await validator(), expectedRequestID: expectedRequestID)
    }

    @Test("the unchanged identifiers are accepted")
    func baseline() async throws {
        #expect(try await Self.code(of: Self.builder()) == nil)
    }

    @Test("each look-alike differs in bytes, and canonical ones are == in Swift", arguments: LookAlike.allCases)
    func lookAlikesAreWhatTheySayTheyAre(_ lookAlike: LookAlike) {
        for identifier in [Self.idpEntityID, Self.spEntityID, Self.acsURL, Self.requestID] {
            let variant = lookAlike.apply(to: identifier)
            #expect(!variant.bytesEqual(identifier))
            #expect((variant == identifier) == lookAlike.isCanonicallyEquivalent)
        }
    }

    @Test("Audience", arguments: LookAlike.allCases)
    func audience(_ lookAlike: LookAlike) async throws {
        var builder = Self.builder()
        builder.audience = lookAlike.apply(to: Self.spEntityID)
        #expect(try await Self.code(of: builder) == SsoError.Code.samlAudienceMismatch.rawValue)
    }

    @Test("Recipient", arguments: LookAlike.allCases)
    func recipient(_ lookAlike: LookAlike) async throws {
        var builder = Self.builder()
        builder.recipient = lookAlike.apply(to: Self.acsURL)
        #expect(try await Self.code(of: builder) == SsoError.Code.samlSubjectConfirmationRecipientMismatch.rawValue)
    }

    @Test("Destination", arguments: LookAlike.allCases)
    func destination(_ lookAlike: LookAlike) async throws {
        var builder = Self.builder()
        builder.destination = lookAlike.apply(to: Self.acsURL)
        #expect(try await Self.code(of: builder) == SsoError.Code.samlDestinationMismatch.rawValue)
    }

    @Test("Response Issuer", arguments: LookAlike.allCases)
    func responseIssuer(_ lookAlike: LookAlike) async throws {
        var builder = Self.builder()
        builder.issuer = lookAlike.apply(to: Self.idpEntityID)
        #expect(try await Self.code(of: builder) == SsoError.Code.samlIssuerMismatch.rawValue)
    }

    @Test("Assertion Issuer", arguments: LookAlike.allCases)
    func assertionIssuer(_ lookAlike: LookAlike) async throws {
        var builder = Self.builder()
        builder.assertionIssuer = lookAlike.apply(to: Self.idpEntityID)
        #expect(try await Self.code(of: builder) == SsoError.Code.samlIssuerMismatch.rawValue)
    }

    @Test("Response InResponseTo", arguments: LookAlike.allCases)
    func responseInResponseTo(_ lookAlike: LookAlike) async throws {
        var builder = Self.builder()
        builder.inResponseTo = lookAlike.apply(to: Self.requestID)
        #expect(try await Self.code(of: builder) == SsoError.Code.samlInResponseToMismatch.rawValue)
    }

    @Test("SubjectConfirmationData InResponseTo", arguments: LookAlike.allCases)
    func confirmationInResponseTo(_ lookAlike: LookAlike) async throws {
        var builder = Self.builder()
        builder.confirmationInResponseTo = lookAlike.apply(to: Self.requestID)
        let code = try await Self.code(of: builder)
        #expect(
            code == SsoError.Code.samlInResponseToMismatch.rawValue
                || code == SsoError.Code.samlSubjectConfirmationMissing.rawValue)
        #expect(code != nil)
    }

    @Test("the expected request id itself, given as a look-alike", arguments: LookAlike.allCases)
    func expectedRequestID(_ lookAlike: LookAlike) async throws {
        let code = try await Self.code(of: Self.builder(), expectedRequestID: lookAlike.apply(to: Self.requestID))
        #expect(code == SsoError.Code.samlInResponseToMismatch.rawValue)
    }

    @Test("metadata entityID selection", arguments: LookAlike.allCases)
    func metadataEntityID(_ lookAlike: LookAlike) throws {
        let original = String(decoding: try SAMLFixtures.bytes("okta/metadata.xml"), as: UTF8.self)
        let entityID = "http://www.okta.com/exKé1"
        let xml = original.replacingOccurrences(of: "http://www.okta.com/exk1a2b3c4d5e6f7g8h9", with: entityID)
        let bytes = Array(xml.utf8)
        let parsed = try IdPMetadata.parse(bytes, entityID: entityID, now: SAMLFixtures.fixedNow)
        #expect(parsed.entityID == entityID)
        let lookAlikeID = lookAlike.apply(to: entityID)
        #expect(throws: SsoError.self) {
            _ = try IdPMetadata.parse(bytes, entityID: lookAlikeID, now: SAMLFixtures.fixedNow)
        }
        do {
            _ = try IdPMetadata.parse(bytes, entityID: lookAlikeID, now: SAMLFixtures.fixedNow)
        } catch {
            #expect(error.code == .samlMetadataEntityNotFound)
        }
    }
}
