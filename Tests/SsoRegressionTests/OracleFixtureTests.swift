import Foundation
import SsoCore
import SsoJOSE
import SsoSAML
import Testing

/// The oracles are only worth something if their positive paths run: the fixtures they are
/// seeded with must pass them and really be accepted by the code under test.
@Suite struct OracleFixtureTests {
    @Test func fixtureTokensVerifyAndPassTheJWSOracle() async throws {
        let context = try JOSEOracles.context.get()
        #expect(context.signedInputs.count >= 5)
        for provider in FixtureFiles.folders(in: "oidc", containing: "id_token.jwt") {
            let token = try FixtureFiles.text("oidc/\(provider)/id_token.jwt").trimmingCharacters(
                in: .whitespacesAndNewlines)
            #expect(throws: Never.self, "\(provider)") {
                _ = try JWSVerifier().verify(compact: token, keys: context.keys)
            }
            await #expect(throws: Never.self) { try await FuzzOracle.check(.jws, Array(token.utf8)) }
            let jwks = try FixtureFiles.bytes("oidc/\(provider)/jwks.json")
            await #expect(throws: Never.self) { try await FuzzOracle.check(.jwks, jwks) }
            let discovery = try FixtureFiles.bytes("oidc/\(provider)/discovery.json")
            await #expect(throws: Never.self) { try await FuzzOracle.check(.discovery, discovery) }
        }
    }

    @Test func jwsOracleCatchesAForgedAcceptance() async throws {
        // The oracle must flag a verified token whose signing input no fixture key signed; a
        // token the verifier rejects is no violation.
        await #expect(throws: Never.self) { try await FuzzOracle.check(.jws, Array("eyJhbGciOiJub25lIn0.e30.".utf8)) }
        #expect(DiscoveryOracle.isSecure("http://localhost:8080/x"))
        #expect(!DiscoveryOracle.isSecure("http://localhost.evil.example/x"))
        #expect(!DiscoveryOracle.isSecure("javascript:alert(1)"))
    }

    @Test(arguments: SAMLOracles.responseIdPs)
    func samlFixturesValidateThroughTheOracle(_ idp: String) async throws {
        let fixtures = try SAMLOracles.responseFixtures.get()
        let index = try #require(SAMLOracles.responseIdPs.firstIndex(of: idp))
        let fixture = fixtures[index]
        let xml = try FixtureFiles.bytes("saml/\(idp)/response.xml")
        #expect(try await accepted(xml, fixture))
        #expect(try await accepted(Array(Base64.encode(xml).utf8), fixture))
        await #expect(throws: Never.self) { try await FuzzOracle.check(.samlResponse, [UInt8(index)] + xml) }
        let metadata = try FixtureFiles.bytes("saml/\(idp)/metadata.xml")
        await #expect(throws: Never.self) { try await FuzzOracle.check(.samlMetadata, metadata) }
    }

    @Test(arguments: ["response.xml", "response-aes-cbc.xml"])
    func encryptedFixturesDecryptThroughTheOracle(_ file: String) async throws {
        let fixture = try SAMLOracles.encryptedFixture.get()
        let xml = try FixtureFiles.bytes("saml/encrypted/\(file)")
        #expect(try await accepted(xml, fixture))
        await #expect(throws: Never.self) { try await FuzzOracle.check(.samlEncrypted, xml) }
    }

    @Test func samlOracleFlagsValuesThatWereNotSigned() async throws {
        // A fixture whose expected NameID differs from the signed one: the oracle must object
        // when the validator accepts the real response.
        let real = try SAMLOracles.fixture("okta")
        let wrong = SAMLOracles.Fixture(
            name: "okta-wrong", validator: real.validator, expectedRequestID: real.expectedRequestID,
            issuer: real.issuer,
            nameID: "attacker@evil.example", assertionID: real.assertionID, sessionIndex: real.sessionIndex,
            attributes: real.attributes)
        let response = try FixtureFiles.bytes("saml/okta/response.xml")
        await #expect(throws: PropertyViolation.self) { try await SAMLOracles.validate(response, with: wrong) }
    }

    /// Whether the fixture's validator accepts `input` (the oracle passes either way).
    func accepted(_ input: [UInt8], _ fixture: SAMLOracles.Fixture) async throws -> Bool {
        let outcome = await SAMLOracles.outcome(input, with: fixture)
        try SAMLOracles.checkOutcome(outcome, of: fixture)
        return (try? outcome.get()) != nil
    }
}
