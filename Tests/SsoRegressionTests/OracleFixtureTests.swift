import Foundation
import SsoCore
import SsoJOSE
import SsoSAML
import Testing

/// The oracles are only worth something if their positive paths run: the fixtures they are
/// seeded with must pass them and really be accepted by the code under test.
@Suite struct OracleFixtureTests {
    @Test func fixtureTokensVerifyAndPassTheJWSOracle() throws {
        let context = try JOSEOracles.context.get()
        #expect(context.signedInputs.count >= 5)
        for provider in FixtureFiles.folders(in: "oidc", containing: "id_token.jwt") {
            let token = try FixtureFiles.text("oidc/\(provider)/id_token.jwt").trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(throws: Never.self, "\(provider)") { _ = try JWSVerifier().verify(compact: token, keys: context.keys) }
            #expect(throws: Never.self) { try FuzzOracle.check(.jws, Array(token.utf8)) }
            let jwks = try FixtureFiles.bytes("oidc/\(provider)/jwks.json")
            #expect(throws: Never.self) { try FuzzOracle.check(.jwks, jwks) }
            let discovery = try FixtureFiles.bytes("oidc/\(provider)/discovery.json")
            #expect(throws: Never.self) { try FuzzOracle.check(.discovery, discovery) }
        }
    }

    @Test func jwsOracleCatchesAForgedAcceptance() throws {
        // The oracle must flag a verified token whose signing input no fixture key signed; a
        // token the verifier rejects is no violation.
        #expect(throws: Never.self) { try FuzzOracle.check(.jws, Array("eyJhbGciOiJub25lIn0.e30.".utf8)) }
        #expect(DiscoveryOracle.isSecure("http://localhost:8080/x"))
        #expect(!DiscoveryOracle.isSecure("http://localhost.evil.example/x"))
        #expect(!DiscoveryOracle.isSecure("javascript:alert(1)"))
    }

    @Test(arguments: SAMLOracles.responseIdPs)
    func samlFixturesValidateThroughTheOracle(_ idp: String) throws {
        let fixtures = try SAMLOracles.responseFixtures.get()
        let index = try #require(SAMLOracles.responseIdPs.firstIndex(of: idp))
        let fixture = fixtures[index]
        let xml = try FixtureFiles.bytes("saml/\(idp)/response.xml")
        #expect(try accepted(xml, fixture))
        #expect(try accepted(Array(Base64.encode(xml).utf8), fixture))
        #expect(throws: Never.self) { try FuzzOracle.check(.samlResponse, [UInt8(index)] + xml) }
        #expect(throws: Never.self) { try FuzzOracle.check(.samlMetadata, try FixtureFiles.bytes("saml/\(idp)/metadata.xml")) }
    }

    @Test(arguments: ["response.xml", "response-aes-cbc.xml"])
    func encryptedFixturesDecryptThroughTheOracle(_ file: String) throws {
        let fixture = try SAMLOracles.encryptedFixture.get()
        let xml = try FixtureFiles.bytes("saml/encrypted/\(file)")
        #expect(try accepted(xml, fixture))
        #expect(throws: Never.self) { try FuzzOracle.check(.samlEncrypted, xml) }
    }

    @Test func samlOracleFlagsValuesThatWereNotSigned() throws {
        // A fixture whose expected NameID differs from the signed one: the oracle must object
        // when the validator accepts the real response.
        let real = try SAMLOracles.fixture("okta")
        let wrong = SAMLOracles.Fixture(
            name: "okta-wrong", validator: real.validator, expectedRequestID: real.expectedRequestID, issuer: real.issuer,
            nameID: "attacker@evil.example", assertionID: real.assertionID, sessionIndex: real.sessionIndex,
            attributes: real.attributes)
        #expect(throws: PropertyViolation.self) {
            try SAMLOracles.validate(try FixtureFiles.bytes("saml/okta/response.xml"), with: wrong)
        }
    }

    /// Whether the fixture's validator accepts `input` (the oracle passes either way).
    func accepted(_ input: [UInt8], _ fixture: SAMLOracles.Fixture) throws -> Bool {
        let validator = fixture.validator
        let expected = fixture.expectedRequestID
        let ok = runBlocking { (try? await validator.validate(input, expectedRequestID: expected)) != nil }
        try SAMLOracles.validate(input, with: fixture)
        return ok
    }
}
