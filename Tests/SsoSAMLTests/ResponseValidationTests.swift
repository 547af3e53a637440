import Foundation
import SsoCore
import SsoTesting
import Testing
@testable import SsoSAML

@Suite struct ResponseValidationTests {
    @Test(arguments: [TestSAMLResponseBuilder.Signing.response, .assertion, .both])
    func acceptsEverySigningLayout(_ signing: TestSAMLResponseBuilder.Signing) async throws {
        let pki = try await TestPKI.shared()
        let xml = try TestSAMLResponseBuilder().signed(signing, key: pki.idp)
        let result = try await makeValidator().validate(xml, expectedRequestID: TestSAMLResponseBuilder.requestID)
        #expect(result.issuer == TestSAMLResponseBuilder.idpEntityID)
        #expect(result.nameID == "alice@example.com")
        #expect(result.nameIDFormat == "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress")
        #expect(result.sessionIndex == "_session-77")
        #expect(result.assertionID == "_assert-2b9e")
        #expect(result.inResponseTo == TestSAMLResponseBuilder.requestID)
        #expect(
            result.attributes["http://schemas.microsoft.com/ws/2008/06/identity/claims/groups"] == ["admins", "staff"])
        #expect(result.notOnOrAfter == TestSAMLResponseBuilder.now.addingTimeInterval(300))
        #expect(result.sessionNotOnOrAfter == TestSAMLResponseBuilder.now.addingTimeInterval(8 * 3600))
        #expect(result.authnContextClassRef == "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport")
        #expect(result.responseWasSigned == (signing != .assertion))
        #expect(result.assertionWasSigned == (signing != .response))
    }

    /// Complex values are skipped rather than flattened: `<x>admin@</x>evil.com` never reads as
    /// the plain value `admin@evil.com` (found by a black-box audit of `ssoctl saml validate`).
    @Test func attributeValuesWithChildElementsAreSkipped() async throws {
        var builder = TestSAMLResponseBuilder()
        let email = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"
        builder.attributes = [
            (email, ["<x xmlns=\"urn:x\">admin@</x>evil.com", "alice@example.com"]),
            (
                "urn:oid:1.3.6.1.4.1.5923.1.1.1.10",
                ["<saml:NameID Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent\">abc</saml:NameID>"]
            ),
        ]
        let xml = try builder.signed(.assertion, key: try await TestPKI.shared().idp)
        let result = try await makeValidator().validate(xml, expectedRequestID: TestSAMLResponseBuilder.requestID)
        #expect(result.attributes[email] == ["alice@example.com"])
        #expect(result.attributes["urn:oid:1.3.6.1.4.1.5923.1.1.1.10"] == [])
    }

    @Test func acceptsBase64WithLineBreaks() async throws {
        let xml = try TestSAMLResponseBuilder().signed(.assertion, key: try await TestPKI.shared().idp)
        let encoded = Base64.encode(Array(xml.utf8))
        var wrapped = ""
        for (index, character) in encoded.enumerated() {
            if index > 0 && index % 76 == 0 { wrapped += "\r\n" }
            wrapped.append(character)
        }
        let result = try await makeValidator().validate(wrapped, expectedRequestID: TestSAMLResponseBuilder.requestID)
        #expect(result.nameID == "alice@example.com")
    }

    @Test func acceptsAnECDSASignature() async throws {
        let pki = try await TestPKI.shared()
        var builder = TestSAMLResponseBuilder()
        builder.signatureMethod = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
        let xml = try builder.signed(.assertion, key: pki.ec)
        let result = try await makeValidator(certificates: [pki.ec]).validate(
            xml, expectedRequestID: TestSAMLResponseBuilder.requestID)
        #expect(result.assertionWasSigned)
    }

    @Test func acceptsSHA512AndRolloverCertificates() async throws {
        let pki = try await TestPKI.shared()
        var builder = TestSAMLResponseBuilder()
        builder.signatureMethod = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512"
        builder.digestMethod = "http://www.w3.org/2001/04/xmlenc#sha512"
        let validator = try await makeValidator(certificates: [pki.idp, pki.idpRollover])
        let old = try builder.signed(.response, key: pki.idp)
        #expect(await rejection(old, validator: validator) == nil)
        builder.assertionID = "_assert-next"
        let new = try builder.signed(.response, key: pki.idpRollover)
        #expect(await rejection(new, validator: validator) == nil)
    }

    @Test func statusOtherThanSuccessCarriesTheStatus() async throws {
        var builder = TestSAMLResponseBuilder()
        builder.status = "urn:oasis:names:tc:SAML:2.0:status:Requester"
        let xml = try builder.signed(.response, key: try await TestPKI.shared().idp)
        let error = await validationError(xml, validator: try await makeValidator())
        #expect(error?.code == .samlStatusNotSuccess)
        #expect(error?.message.contains("urn:oasis:names:tc:SAML:2.0:status:Requester") == true)
    }

    /// Each rule, one mutation, one code.
    @Test(arguments: [
        ("issuer", "saml.issuer.mismatch"),
        ("assertionIssuer", "saml.issuer.mismatch"),
        ("destination", "saml.destination.mismatch"),
        ("noDestination", "saml.destination.missing"),
        ("recipient", "saml.subject_confirmation.recipient_mismatch"),
        ("audience", "saml.audience.mismatch"),
        ("audiencePrefix", "saml.audience.mismatch"),
        ("expired", "saml.conditions.expired"),
        ("notYetValid", "saml.conditions.not_yet_valid"),
        ("confirmationExpired", "saml.subject_confirmation.expired"),
        ("inResponseTo", "saml.in_response_to.mismatch"),
        ("confirmationInResponseTo", "saml.in_response_to.mismatch"),
        ("oldIssueInstant", "saml.issue_instant.too_old"),
        ("futureIssueInstant", "saml.issue_instant.in_future"),
        ("emptyNameID", "saml.subject.missing_name_id"),
    ])
    func eachRuleHasItsCode(_ mutation: String, _ code: String) async throws {
        var b = TestSAMLResponseBuilder()
        let now = TestSAMLResponseBuilder.now
        switch mutation {
        case "issuer": b.issuer = "https://evil.example.com"
        case "assertionIssuer": b.assertionIssuer = "https://evil.example.com"
        case "destination": b.destination = "https://evil.example.com/acs"
        case "noDestination": b.destination = nil
        case "recipient": b.recipient = "https://evil.example.com/acs"
        case "audience": b.audience = "https://other-sp.example.com"
        case "audiencePrefix": b.audience = TestSAMLResponseBuilder.spEntityID + "-evil"
        case "expired": b.notOnOrAfter = now.addingTimeInterval(-121)
        case "notYetValid": b.notBefore = now.addingTimeInterval(121)
        case "confirmationExpired": b.confirmationNotOnOrAfter = now.addingTimeInterval(-121)
        case "inResponseTo": b.inResponseTo = "_other"
        case "confirmationInResponseTo": b.confirmationInResponseTo = "_other"
        case "oldIssueInstant": b.issueInstant = now.addingTimeInterval(-3600)
        case "futureIssueInstant": b.issueInstant = now.addingTimeInterval(600)
        case "emptyNameID": b.nameID = "  "
        default: Issue.record("unknown mutation")
        }
        let xml = try b.signed(.response, key: try await TestPKI.shared().idp)
        #expect(await rejection(xml, validator: try await makeValidator()) == code)
    }

    @Test func skewIsTolerated() async throws {
        var b = TestSAMLResponseBuilder()
        b.notBefore = TestSAMLResponseBuilder.now.addingTimeInterval(100)
        b.notOnOrAfter = TestSAMLResponseBuilder.now.addingTimeInterval(-100)
        b.confirmationNotOnOrAfter = TestSAMLResponseBuilder.now.addingTimeInterval(-100)
        let xml = try b.signed(.assertion, key: try await TestPKI.shared().idp)
        #expect(await rejection(xml, validator: try await makeValidator()) == nil)
        let strict = try await makeValidator(policy: SAMLValidationPolicy(clockSkew: 10))
        #expect(await rejection(xml, validator: strict) == "saml.conditions.not_yet_valid")
    }

    @Test func unsolicitedResponses() async throws {
        let pki = try await TestPKI.shared()
        var b = TestSAMLResponseBuilder()
        b.inResponseTo = nil
        b.confirmationInResponseTo = nil
        let unsolicited = try b.signed(.response, key: pki.idp)
        #expect(
            await rejection(unsolicited, validator: try await makeValidator(), expectedRequestID: nil)
                == "saml.unsolicited")
        let allowing = try await makeValidator(policy: SAMLValidationPolicy(unsafeAllowUnsolicited: true))
        #expect(await rejection(unsolicited, validator: allowing, expectedRequestID: nil) == nil)
        // An unsolicited response must not claim to answer a request.
        let solicited = try TestSAMLResponseBuilder().signed(.response, key: pki.idp)
        #expect(
            await rejection(solicited, validator: allowing, expectedRequestID: nil) == "saml.in_response_to.mismatch")
        // A solicited validation needs the InResponseTo.
        #expect(await rejection(unsolicited, validator: try await makeValidator()) == "saml.in_response_to.mismatch")
    }

    @Test func replayedAssertionIsRefused() async throws {
        let xml = try TestSAMLResponseBuilder().signed(.assertion, key: try await TestPKI.shared().idp)
        let validator = try await makeValidator()
        #expect(await rejection(xml, validator: validator) == nil)
        #expect(await rejection(xml, validator: validator) == "saml.replay")
    }

    @Test func policyCanRequireSignedAssertionOrResponse() async throws {
        let pki = try await TestPKI.shared()
        let responseOnly = try TestSAMLResponseBuilder().signed(.response, key: pki.idp)
        let assertionOnly = try TestSAMLResponseBuilder().signed(.assertion, key: pki.idp)
        #expect(
            await rejection(
                responseOnly, validator: try await makeValidator(policy: .init(requireSignedAssertion: true)))
                == "saml.signature.missing")
        #expect(
            await rejection(
                assertionOnly, validator: try await makeValidator(policy: .init(requireSignedResponse: true)))
                == "saml.signature.missing")
    }

    @Test func certificateExpiryIsIgnoredUnlessEnforced() async throws {
        let pki = try await TestPKI.shared()
        let later = TestSAMLResponseBuilder.now.addingTimeInterval(0)
        var b = TestSAMLResponseBuilder()
        b.issueInstant = later.addingTimeInterval(-5)
        let xml = try b.signed(.assertion, key: pki.expired)
        // The "expired" certificate is valid for one day from its creation (today), so move the
        // clock two days on and shift the document with it.
        let future = Date().addingTimeInterval(2 * 86_400)
        var shifted = TestSAMLResponseBuilder()
        shifted.issueInstant = future.addingTimeInterval(-5)
        shifted.notBefore = future.addingTimeInterval(-60)
        shifted.notOnOrAfter = future.addingTimeInterval(300)
        shifted.confirmationNotOnOrAfter = future.addingTimeInterval(300)
        let futureXML = try shifted.signed(.assertion, key: pki.expired)
        #expect(
            await rejection(futureXML, validator: try await makeValidator(certificates: [pki.expired], now: future))
                == nil)
        let enforcing = try await makeValidator(
            certificates: [pki.expired], policy: .init(enforceCertificateValidity: true), now: future)
        #expect(await rejection(futureXML, validator: enforcing) == "saml.signature.certificate_expired")
        _ = xml
    }

    @Test func bearerInResponseToMayBeAbsentOnlyUnderASignedResponse() async throws {
        let pki = try await TestPKI.shared()
        var b = TestSAMLResponseBuilder()
        b.confirmationInResponseTo = nil
        #expect(await rejection(try b.signed(.response, key: pki.idp), validator: try await makeValidator()) == nil)
        b.assertionID = "_assert-other"
        #expect(
            await rejection(try b.signed(.assertion, key: pki.idp), validator: try await makeValidator())
                == "saml.in_response_to.mismatch")
    }

    @Test func nothingMayFollowTheResponse() async throws {
        let xml = try TestSAMLResponseBuilder().signed(.response, key: try await TestPKI.shared().idp)
        #expect(
            await rejection(xml + "<!-- trailing -->", validator: try await makeValidator()) == "saml.xml.malformed")
        #expect(
            await rejection(xml + "<samlp:Response/>", validator: try await makeValidator()) == "saml.xml.malformed")
    }
}
