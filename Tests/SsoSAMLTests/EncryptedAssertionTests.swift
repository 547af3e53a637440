import Foundation
import SsoCore
import SsoTesting
import Testing
@testable import SsoSAML

@Suite struct EncryptedAssertionTests {
    @Test(arguments: [TestSAMLEncryption.Content.aes256CBC, .aes128CBC, .aes256GCM, .aes128GCM])
    func decryptsASignedAssertion(_ content: TestSAMLEncryption.Content) async throws {
        let pki = try await TestPKI.shared()
        let xml = try TestSAMLResponseBuilder().encrypted(
            signAssertion: true, signResponse: false, key: pki.idp, sp: pki.sp, content: content)
        #expect(xml.contains("EncryptedData"))
        #expect(!xml.contains("alice@example.com"))
        let result = try await makeValidator(decryption: pki.sp).validate(
            xml, expectedRequestID: TestSAMLResponseBuilder.requestID)
        #expect(result.nameID == "alice@example.com")
        #expect(result.assertionWasEncrypted)
        #expect(result.assertionWasSigned)
        #expect(!result.responseWasSigned)
    }

    @Test func unsignedAssertionNeedsASignedResponse() async throws {
        let pki = try await TestPKI.shared()
        let covered = try TestSAMLResponseBuilder().encrypted(
            signAssertion: false, signResponse: true, key: pki.idp, sp: pki.sp)
        let result = try await makeValidator(decryption: pki.sp).validate(
            covered, expectedRequestID: TestSAMLResponseBuilder.requestID)
        #expect(result.responseWasSigned && !result.assertionWasSigned && result.assertionWasEncrypted)
        // Anyone can encrypt to the SP's public key: without any signature it is refused, with the
        // uniform decryption error (under an unsigned Response no plaintext failure has its own code).
        let forged = try TestSAMLResponseBuilder().encrypted(
            signAssertion: false, signResponse: false, key: pki.idp, sp: pki.sp)
        #expect(
            await rejection(forged, validator: try await makeValidator(decryption: pki.sp)) == "saml.decryption.failed")
        // An assertion signed by an attacker, encrypted to the SP.
        let attacker = try TestSAMLResponseBuilder().encrypted(
            signAssertion: true, signResponse: false, key: pki.attacker, sp: pki.sp)
        #expect(
            await rejection(attacker, validator: try await makeValidator(decryption: pki.sp))
                == "saml.decryption.failed")
    }

    @Test func everyDecryptionFailureIsTheSameError() async throws {
        let pki = try await TestPKI.shared()
        let xml = try TestSAMLResponseBuilder().encrypted(
            signAssertion: true, signResponse: false, key: pki.idp, sp: pki.sp)
        // Wrong SP key.
        let wrongKey = await validationError(xml, validator: try await makeValidator(decryption: pki.attacker))
        // Corrupted content (flip characters of the last CipherValue).
        guard let range = xml.range(of: "<xenc:CipherValue>", options: .backwards) else {
            Issue.record("no CipherValue")
            return
        }
        var corrupted = xml
        let index = corrupted.index(range.upperBound, offsetBy: 30)
        corrupted.replaceSubrange(index...index, with: corrupted[index] == "A" ? "B" : "A")
        let badContent = await validationError(corrupted, validator: try await makeValidator(decryption: pki.sp))
        // Corrupted key transport (first CipherValue).
        guard let first = xml.range(of: "<xenc:CipherValue>") else { return }
        var badKeyXML = xml
        let keyIndex = badKeyXML.index(first.upperBound, offsetBy: 10)
        badKeyXML.replaceSubrange(keyIndex...keyIndex, with: badKeyXML[keyIndex] == "A" ? "B" : "A")
        let badKey = await validationError(badKeyXML, validator: try await makeValidator(decryption: pki.sp))
        for error in [wrongKey, badContent, badKey] {
            #expect(error?.code == .samlDecryptionFailed)
            #expect(error?.message == "the encrypted EncryptedAssertion could not be decrypted")
        }
        #expect(await rejection(xml, validator: try await makeValidator()) == "saml.decryption.key_missing")
    }

    @Test func rsa15OnlyWhenAllowed() async throws {
        let pki = try await TestPKI.shared()
        let xml = try TestSAMLResponseBuilder().encrypted(
            signAssertion: true, signResponse: false, key: pki.idp, sp: pki.sp, keyTransport: .rsa15)
        #expect(
            await rejection(xml, validator: try await makeValidator(decryption: pki.sp))
                == "saml.decryption.algorithm_not_allowed")
        let allowing = try await makeValidator(policy: .init(unsafeAllowRSA15KeyTransport: true), decryption: pki.sp)
        #expect(await rejection(xml, validator: allowing) == nil)
    }

    @Test func decryptedAssertionFollowsTheWrappingRules() async throws {
        let pki = try await TestPKI.shared()
        // A signed Response whose encrypted assertion holds a second assertion in Advice.
        var builder = TestSAMLResponseBuilder()
        builder.assertionExtra =
            "<saml:Advice><saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_inner\" Version=\"2.0\" IssueInstant=\"2026-01-15T10:00:00Z\"><saml2:Issuer>x</saml2:Issuer></saml2:Assertion></saml:Advice>"
        let xml = try builder.encrypted(signAssertion: false, signResponse: true, key: pki.idp, sp: pki.sp)
        #expect(
            await rejection(xml, validator: try await makeValidator(decryption: pki.sp))
                == "saml.structure.assertion_count")
    }

    @Test func spKeyIsRedactedAndValidated() async throws {
        let pki = try await TestPKI.shared()
        let key = try SAMLDecryptionKey(pem: pki.sp.keyPEM)
        #expect(key.description == "SAMLDecryptionKey(<redacted>)")
        #expect(throws: SsoError.self) { try SAMLDecryptionKey(pem: pki.sp.certificatePEM) }
        #expect(throws: SsoError.self) { try SAMLDecryptionKey(pem: "garbage") }
    }

    @Test func plaintextMayUsePrefixesDeclaredAroundIt() async throws {
        let pki = try await TestPKI.shared()
        let ns = " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\""
        let signed = try TestSAMLResponseBuilder().signed(.assertion, key: pki.idp)
        // Declare saml: on the Response only; exclusive C14N keeps the assertion signature valid.
        let moved = signed.replacingOccurrences(of: "<saml:Assertion" + ns, with: "<saml:Assertion")
            .replacingOccurrences(of: "<saml:Issuer" + ns + ">", with: "<saml:Issuer>")
            .replacingOccurrences(of: "<samlp:Response ", with: "<samlp:Response" + ns + " ")
        #expect(await rejection(moved, validator: try await makeValidator()) == nil)
        let wrapped = moved.replacingOccurrences(
            of: "<saml:Assertion ", with: "<saml:EncryptedAssertion><saml:Assertion "
        )
        .replacingOccurrences(of: "</saml:Assertion>", with: "</saml:Assertion></saml:EncryptedAssertion>")
        let encrypted = try TestSAMLEncryption.encrypt(
            element: "Assertion", in: wrapped, to: pki.sp, content: .aes128GCM, keyTransport: .rsaOAEP)
        let result = try await makeValidator(decryption: pki.sp).validate(
            encrypted, expectedRequestID: TestSAMLResponseBuilder.requestID)
        #expect(result.nameID == "alice@example.com" && result.assertionWasEncrypted && result.assertionWasSigned)
    }

    @Test func decryptsAnEncryptedNameID() async throws {
        let pki = try await TestPKI.shared()
        let builder = TestSAMLResponseBuilder()
        let template = builder.responseXML(
            assertion: builder.assertionXML(signatureTemplate: true), signatureTemplate: false
        )
        .replacingOccurrences(of: "<saml:NameID ", with: "<saml:EncryptedID><saml:NameID ")
        .replacingOccurrences(of: "</saml:NameID>", with: "</saml:NameID></saml:EncryptedID>")
        let encrypted = try TestSAMLEncryption.encrypt(
            element: "NameID", in: template, to: pki.sp, content: .aes256GCM, keyTransport: .rsaOAEP)
        let xml = try TestSAMLResponseBuilder.sign(encrypted, key: pki.idp)
        #expect(!xml.contains("alice@example.com</saml:NameID>"))
        let result = try await makeValidator(decryption: pki.sp).validate(
            xml, expectedRequestID: TestSAMLResponseBuilder.requestID)
        #expect(result.nameID == "alice@example.com")
        #expect(result.nameIDFormat == "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress")
        #expect(await rejection(xml, validator: try await makeValidator()) == "saml.decryption.key_missing")
        let wrongKey = await validationError(xml, validator: try await makeValidator(decryption: pki.attacker))
        #expect(wrongKey?.code == .samlDecryptionFailed)
    }
}
