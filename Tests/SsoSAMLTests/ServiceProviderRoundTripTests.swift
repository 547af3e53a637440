import Foundation
import SsoCore
import SsoTesting
import Testing
@testable import SsoSAML

/// The SP side against the in-process test IdP, validated end to end by the Response validator.
@Suite struct ServiceProviderRoundTripTests {
    private let clock = TestClock(SAMLFixtures.fixedNow)

    private func setUp() throws -> (TestSAMLIdentityProvider, SAMLServiceProvider, SAMLResponseValidator, IdPMetadata) {
        let idp = try TestSAMLIdentityProvider(
            entityID: "https://idp.test.example/saml", ssoURL: "https://idp.test.example/saml/sso",
            privateKeyPEM: try SAMLFixtures.text("keys/okta-key.pem"),
            certificatePEM: try SAMLFixtures.text("keys/okta-cert.pem"),
            clock: clock, random: SystemRandomSource())
        let metadata = try IdPMetadata.parse(Array(idp.metadataXML().utf8), now: clock.now)
        let sp = try SAMLServiceProvider(
            entityID: "https://sp.example.com/saml/metadata", acsURL: "https://sp.example.com/saml/acs")
        let validator = SAMLResponseValidator(
            configuration: .init(
                idpEntityID: metadata.entityID, idpSigningKeys: try SAMLSigningKeySet(metadata: metadata),
                spEntityID: sp.entityID, acsURL: sp.acsURL),
            replayCache: InMemoryReplayCache(), clock: clock)
        return (idp, sp, validator, metadata)
    }

    private func code(_ response: String, _ validator: SAMLResponseValidator, _ requestID: String?) async -> String? {
        do {
            _ = try await validator.validate(response, expectedRequestID: requestID)
            return nil
        } catch {
            return error.code.rawValue
        }
    }

    @Test func loginRoundTripThroughTheTestIdP() async throws {
        let (idp, sp, validator, metadata) = try setUp()
        #expect(metadata.signingCertificates == [idp.certificate])
        let request = try sp.makeAuthnRequest(to: metadata, clock: clock, random: SystemRandomSource())
        let url = try SAMLRedirectBinding.url(for: request, relayState: "relay-123")
        let received = try idp.receive(redirectURL: url)
        #expect(received.id == request.id)
        #expect(received.issuer == sp.entityID)
        #expect(received.assertionConsumerServiceURL == sp.acsURL)
        #expect(received.relayState == "relay-123")
        let user = TestSAMLUser.entraStyle(
            email: "alice@contoso.com", givenName: "Alice", surname: "Example", groups: ["g1", "g2"])
        for options in [
            TestSAMLIdentityProvider.ResponseOptions(),
            .init(signAssertion: true, signResponse: true), .init(signAssertion: false, signResponse: true),
        ] {
            let encoded = try idp.responseBase64(to: received, user: user, options: options)
            let result = try await validator.validate(encoded, expectedRequestID: request.id)
            #expect(result.nameID == "alice@contoso.com")
            #expect(result.issuer == "https://idp.test.example/saml")
            #expect(result.inResponseTo == request.id)
            #expect(
                result.attributes["http://schemas.microsoft.com/ws/2008/06/identity/claims/groups"] == ["g1", "g2"])
            #expect(result.assertionWasSigned == options.signAssertion)
            #expect(result.responseWasSigned == options.signResponse)
        }
    }

    @Test func testIdPKnobsProduceResponsesTheValidatorRefuses() async throws {
        let (idp, sp, validator, metadata) = try setUp()
        let request = try sp.makeAuthnRequest(to: metadata, clock: clock, random: SystemRandomSource())
        let received = try idp.receive(redirectURL: try SAMLRedirectBinding.url(for: request))
        let user = TestSAMLUser(nameID: "bob@example.com")
        #expect(
            await code(try idp.response(to: received, user: user, options: .wrongAudience), validator, request.id)
                == "saml.audience.mismatch")
        #expect(
            await code(try idp.response(to: received, user: user, options: .unsigned), validator, request.id)
                == "saml.signature.missing")
        let expired = await code(try idp.response(to: received, user: user, options: .expired), validator, request.id)
        #expect(expired != nil)
        let other = try TestSAMLIdentityProvider(entityID: "https://idp.test.example/saml", clock: clock)
        #expect(other.certificate != idp.certificate)
        #expect(
            await code(try other.response(to: received, user: user), validator, request.id) == "saml.signature.invalid")
        #expect(
            await code(try idp.response(to: received, user: user), validator, "_another")
                == "saml.in_response_to.mismatch")
    }

    @Test func generatedKeyIdPPublishesUsableMetadata() throws {
        let idp = try TestSAMLIdentityProvider(clock: clock)
        let metadata = try idp.metadata()
        #expect(metadata.entityID == idp.entityID)
        #expect(metadata.signingCertificates.first?.publicKeyBits == 2048)
        #expect(metadata.signingCertificates.first?.isValid(at: clock.now) == true)
        #expect(metadata.ssoService(binding: SAMLBinding.httpRedirect)?.location == idp.ssoURL)
        #expect(throws: SsoError.self) { try idp.receive(redirectURL: "https://idp.test.example/saml/sso?nothing=1") }
    }

    @Test func testIdPEncryptsAssertionsToTheSP() async throws {
        let (idp, sp, _, metadata) = try setUp()
        let spCertificate = try SAMLCertificate(pem: try SAMLFixtures.text("keys/sp-cert.pem"))
        let validator = SAMLResponseValidator(
            configuration: .init(
                idpEntityID: metadata.entityID, idpSigningKeys: try SAMLSigningKeySet(metadata: metadata),
                spEntityID: sp.entityID, acsURL: sp.acsURL,
                decryptionKey: try SAMLDecryptionKey(pem: try SAMLFixtures.text("keys/sp-key.pem"))),
            replayCache: InMemoryReplayCache(), clock: clock)
        let request = try sp.makeAuthnRequest(to: metadata, clock: clock, random: SystemRandomSource())
        let received = try idp.receive(redirectURL: try SAMLRedirectBinding.url(for: request))
        let user = TestSAMLUser(nameID: "carol@example.org", attributes: ["email": ["carol@example.org"]])
        for signResponse in [false, true] {
            let xml = try idp.response(
                to: received, user: user, options: .init(signResponse: signResponse, encryptFor: spCertificate))
            #expect(xml.contains("EncryptedAssertion"))
            #expect(!xml.contains("carol@example.org"))
            let result = try await validator.validate(xml, expectedRequestID: request.id)
            #expect(result.assertionWasEncrypted)
            #expect(result.assertionWasSigned)
            #expect(result.responseWasSigned == signResponse)
            #expect(result.nameID == "carol@example.org")
            #expect(result.attributes["email"] == ["carol@example.org"])
        }
    }

    @Test func concurrentLoginsStayIsolated() async throws {
        let (idp, sp, validator, metadata) = try setUp()
        let results = try await withThrowingTaskGroup(of: (String, String).self) { group in
            for index in 0..<24 {
                group.addTask {
                    let request = try sp.makeAuthnRequest(to: metadata, clock: clock, random: SystemRandomSource())
                    let received = try idp.receive(redirectURL: try SAMLRedirectBinding.url(for: request))
                    let email = "user\(index)@example.com"
                    let xml = try idp.response(
                        to: received, user: TestSAMLUser(nameID: email),
                        options: .init(signResponse: index.isMultiple(of: 2)))
                    let result = try await validator.validate(xml, expectedRequestID: request.id)
                    return (email, result.nameID)
                }
            }
            var collected: [(String, String)] = []
            for try await pair in group { collected.append(pair) }
            return collected
        }
        #expect(results.count == 24)
        #expect(results.allSatisfy { $0.0 == $0.1 })
        #expect(Set(results.map(\.1)).count == 24)
    }
}
