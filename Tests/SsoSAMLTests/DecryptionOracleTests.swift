import Foundation
import SsoCore
import SsoTesting
import Testing
@testable import SsoSAML

/// Under an unsigned Response, whatever a ciphertext decrypts to — garbage, a well-formed element
/// that is not an Assertion, an unsigned or attacker-signed Assertion — the sender gets one code and
/// one message, so a modified ciphertext reveals nothing about its plaintext.
@Suite struct DecryptionOracleTests {
    static let uniformMessage = "the encrypted EncryptedAssertion could not be decrypted"

    static let notAnAssertion =
        "<saml:AuthnStatement xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" AuthnInstant=\"2026-01-15T10:00:00Z\"/>"

    /// A Response whose EncryptedAssertion holds ``notAnAssertion``, signed by the IdP or not.
    static func encryptingNotAnAssertion(signResponse: Bool) async throws -> String {
        let pki = try await TestPKI.shared()
        let wrapped = TestSAMLResponseBuilder().responseXML(
            assertion:
                "<saml:EncryptedAssertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">\(notAnAssertion)</saml:EncryptedAssertion>",
            signatureTemplate: signResponse)
        let encrypted = try TestSAMLEncryption.encrypt(
            element: "AuthnStatement", in: wrapped, to: pki.sp, content: .aes128CBC, keyTransport: .rsaOAEP)
        return signResponse ? try TestSAMLResponseBuilder.sign(encrypted, key: pki.idp) : encrypted
    }

    @Test func everyPlaintextFailureLooksLikeADecryptionFailure() async throws {
        let pki = try await TestPKI.shared()
        let builder = TestSAMLResponseBuilder()
        let notAnAssertion = try await Self.encryptingNotAnAssertion(signResponse: false)
        let unsigned = try builder.encrypted(signAssertion: false, signResponse: false, key: pki.idp, sp: pki.sp)
        let attackerSigned = try builder.encrypted(
            signAssertion: true, signResponse: false, key: pki.attacker, sp: pki.sp)
        var advice = builder
        advice.assertionExtra =
            "<saml:Advice><saml:Assertion ID=\"_inner\" Version=\"2.0\" IssueInstant=\"2026-01-15T10:00:00Z\"><saml:Issuer>x</saml:Issuer></saml:Assertion></saml:Advice>"
        let wrapping = try advice.encrypted(signAssertion: false, signResponse: false, key: pki.idp, sp: pki.sp)
        let good = try builder.encrypted(
            signAssertion: true, signResponse: false, key: pki.idp, sp: pki.sp, content: .aes128CBC)
        guard let last = good.range(of: "<xenc:CipherValue>", options: .backwards) else {
            Issue.record("no CipherValue")
            return
        }
        var garbage = good
        let index = garbage.index(last.upperBound, offsetBy: 30)
        garbage.replaceSubrange(index...index, with: garbage[index] == "A" ? "B" : "A")

        let validator = try await makeValidator(decryption: pki.sp)
        #expect(await rejection(good, validator: validator) == nil)
        for xml in [notAnAssertion, unsigned, attackerSigned, wrapping, garbage] {
            let error = await validationError(xml, validator: validator)
            #expect(error?.code == .samlDecryptionFailed)
            #expect(error?.message == Self.uniformMessage)
            #expect(error?.underlying == nil)
        }
    }

    @Test func underASignedResponseTheIdPsPlaintextKeepsItsCodes() async throws {
        let pki = try await TestPKI.shared()
        let validator = try await makeValidator(decryption: pki.sp)
        // Legitimate: the Response signature covers the ciphertext, the assertion need not be signed.
        let covered = try TestSAMLResponseBuilder().encrypted(
            signAssertion: false, signResponse: true, key: pki.idp, sp: pki.sp)
        #expect(await rejection(covered, validator: validator) == nil)
        // No sender can modify that ciphertext, so an IdP's mistake keeps its precise code.
        let notAnAssertion = try await Self.encryptingNotAnAssertion(signResponse: true)
        #expect(await rejection(notAnAssertion, validator: validator) == "saml.structure.assertion_count")
        let strict = try await makeValidator(policy: .init(requireSignedAssertion: true), decryption: pki.sp)
        #expect(await rejection(covered, validator: strict) == "saml.signature.missing")
    }
}
