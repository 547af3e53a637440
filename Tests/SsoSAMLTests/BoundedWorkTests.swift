import Foundation
import SsoCore
import SsoTesting
import Testing
@testable import SsoSAML

/// The key work an unsigned document can cause before any signature over it is checked is bounded
/// by fixed caps, not by how many elements the sender repeats. Counted operations, not wall time.
@Suite struct BoundedWorkTests {
    typealias Counts = SAMLKeyOperationCounter.Counts
    static let xenc = "xmlns:xenc=\"http://www.w3.org/2001/04/xmlenc#\""
    static let saml = "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\""

    /// Runs every check but the replay cache and returns the error code (`nil`: accepted) and the
    /// key operations the run performed.
    static func run(
        _ xml: String, certificates: [TestSAMLKeyPair]? = nil, decryption: TestSAMLKeyPair? = nil
    ) async throws -> (code: String?, counts: Counts) {
        let validator = try await makeValidator(certificates: certificates, decryption: decryption)
        let counter = SAMLKeyOperationCounter()
        let check = SAMLResponseCheck(
            configuration: validator.configuration, now: TestSAMLResponseBuilder.now, operations: counter)
        do {
            _ = try check.run(Array(xml.utf8), expectedRequestID: TestSAMLResponseBuilder.requestID)
            return (nil, counter.counts)
        } catch {
            return (error.code.rawValue, counter.counts)
        }
    }

    /// An unsigned Response whose encrypted assertion is signed by the IdP, and its one EncryptedKey.
    static func encrypted() async throws -> (xml: String, key: String) {
        let pki = try await TestPKI.shared()
        let xml = try TestSAMLResponseBuilder().encrypted(
            signAssertion: true, signResponse: false, key: pki.idp, sp: pki.sp)
        return (xml, try AttackTests.slice(xml, from: "<xenc:EncryptedKey>", to: "</xenc:EncryptedKey>"))
    }

    /// `key` with one character of its RSA ciphertext changed: its unwrap fails.
    static func corrupted(_ key: String) throws -> String {
        guard let range = key.range(of: "<xenc:CipherValue>") else {
            throw TestTools.Failure(description: "no CipherValue")
        }
        var copy = key
        let index = copy.index(range.upperBound, offsetBy: 10)
        copy.replaceSubrange(index...index, with: copy[index] == "A" ? "B" : "A")
        return copy
    }

    @Test func keyCandidatesUpToTheCapAreAllUnwrapped() async throws {
        let (xml, key) = try await Self.encrypted()
        let pki = try await TestPKI.shared()
        // The good key last, then first: the same RSA work either way, so the time taken never says
        // which candidate's padding was right.
        for keys in [[try Self.corrupted(key), try Self.corrupted(key), key], [key, try Self.corrupted(key)]] {
            let outcome = try await Self.run(xml.replacingOccurrences(of: key, with: keys.joined()), decryption: pki.sp)
            #expect(outcome.code == nil)
            #expect(outcome.counts == Counts(keyTransport: keys.count, contentDecryption: 1, signatureVerification: 1))
        }
        let cap = String(repeating: key, count: SAMLDecryptor.maxKeyCandidates)
        let atCap = try await Self.run(xml.replacingOccurrences(of: key, with: cap), decryption: pki.sp)
        #expect(atCap.code == nil && atCap.counts.keyTransport == SAMLDecryptor.maxKeyCandidates)
    }

    @Test(arguments: [SAMLDecryptor.maxKeyCandidates + 1, 290])
    func moreKeyCandidatesThanTheCapCostNoRSAWork(_ count: Int) async throws {
        let (xml, key) = try await Self.encrypted()
        let many = xml.replacingOccurrences(of: key, with: String(repeating: key, count: count))
        let outcome = try await Self.run(many, decryption: try await TestPKI.shared().sp)
        #expect(outcome.code == "saml.decryption.failed")
        #expect(outcome.counts == Counts())
    }

    @Test func candidatesBesideTheEncryptedDataCountTowardsTheCap() async throws {
        let (xml, key) = try await Self.encrypted()
        let sibling = key.replacingOccurrences(of: "<xenc:EncryptedKey>", with: "<xenc:EncryptedKey \(Self.xenc)>")
        let pki = try await TestPKI.shared()
        // One in KeyInfo plus siblings of the EncryptedData: one over the cap in all.
        let over = xml.replacingOccurrences(
            of: "</xenc:EncryptedData>",
            with: "</xenc:EncryptedData>" + String(repeating: sibling, count: SAMLDecryptor.maxKeyCandidates))
        let refused = try await Self.run(over, decryption: pki.sp)
        #expect(refused.code == "saml.decryption.failed" && refused.counts == Counts())
        let within = xml.replacingOccurrences(of: "</xenc:EncryptedData>", with: "</xenc:EncryptedData>" + sibling)
        let accepted = try await Self.run(within, decryption: pki.sp)
        #expect(accepted.code == nil && accepted.counts.keyTransport == 2)
    }

    @Test func aDisallowedKeyTransportAnywhereIsRefusedBeforeAnyRSAWork() async throws {
        let (xml, key) = try await Self.encrypted()
        let rsa15 = key.replacingOccurrences(of: "#rsa-oaep-mgf1p", with: "#rsa-1_5")
        let outcome = try await Self.run(
            xml.replacingOccurrences(of: key, with: key + rsa15), decryption: try await TestPKI.shared().sp)
        #expect(outcome.code == "saml.decryption.algorithm_not_allowed")
        #expect(outcome.counts == Counts())
    }

    @Test func moreThanOneEncryptedDataCostsNoRSAWork() async throws {
        let (xml, _) = try await Self.encrypted()
        let data = try AttackTests.slice(xml, from: "<xenc:EncryptedData", to: "</xenc:EncryptedData>")
        let outcome = try await Self.run(
            xml.replacingOccurrences(of: data, with: String(repeating: data, count: 20)),
            decryption: try await TestPKI.shared().sp)
        #expect(outcome.code == "saml.decryption.failed")
        #expect(outcome.counts == Counts())
    }

    @Test func moreThanOneEncryptedAssertionCostsNoKeyWork() async throws {
        let (xml, _) = try await Self.encrypted()
        let assertion = try AttackTests.slice(xml, from: "<saml:EncryptedAssertion", to: "</saml:EncryptedAssertion>")
        let outcome = try await Self.run(
            xml.replacingOccurrences(of: assertion, with: String(repeating: assertion, count: 20)),
            decryption: try await TestPKI.shared().sp)
        #expect(outcome.code == "saml.structure.assertion_count")
        #expect(outcome.counts == Counts())
    }

    @Test func moreThanOneEncryptedIDIsNeverDecrypted() async throws {
        let pki = try await TestPKI.shared()
        let builder = TestSAMLResponseBuilder()
        let template = builder.responseXML(
            assertion: builder.assertionXML(signatureTemplate: true), signatureTemplate: false
        )
        .replacingOccurrences(of: "<saml:NameID ", with: "<saml:EncryptedID><saml:NameID ")
        .replacingOccurrences(of: "</saml:NameID>", with: "</saml:NameID></saml:EncryptedID>")
        let encrypted = try TestSAMLEncryption.encrypt(
            element: "NameID", in: template, to: pki.sp, content: .aes256GCM, keyTransport: .rsaOAEP)
        let encryptedID = try AttackTests.slice(encrypted, from: "<saml:EncryptedID>", to: "</saml:EncryptedID>")
        let xml = try TestSAMLResponseBuilder.sign(
            encrypted.replacingOccurrences(of: encryptedID, with: String(repeating: encryptedID, count: 10)),
            key: pki.idp)
        let outcome = try await Self.run(xml, decryption: pki.sp)
        #expect(outcome.code == "saml.subject.missing_name_id")
        #expect(outcome.counts == Counts(signatureVerification: 1))
    }

    @Test func moreThanOneReferenceIsRefusedBeforeXMLSec() async throws {
        let xml = try TestSAMLResponseBuilder().signed(.assertion, key: try await TestPKI.shared().idp)
        let reference = try AttackTests.slice(xml, from: "<ds:Reference", to: "</ds:Reference>")
        let outcome = try await Self.run(
            xml.replacingOccurrences(of: reference, with: String(repeating: reference, count: 200)))
        #expect(outcome.code == "saml.signature.reference_invalid")
        #expect(outcome.counts == Counts())
    }

    @Test func moreThanOneSignaturePerElementIsRefusedBeforeXMLSec() async throws {
        let xml = try TestSAMLResponseBuilder().signed(.response, key: try await TestPKI.shared().idp)
        let signature = try AttackTests.signature(of: xml)
        let outcome = try await Self.run(
            xml.replacingOccurrences(of: signature, with: String(repeating: signature, count: 50)))
        #expect(outcome.code == "saml.signature.reference_invalid")
        #expect(outcome.counts == Counts())
    }

    @Test func moreThanOneSignatureInADecryptedAssertionCostsNoVerification() async throws {
        let pki = try await TestPKI.shared()
        let signed = try TestSAMLResponseBuilder().signed(.assertion, key: pki.idp)
        let signature = try AttackTests.signature(of: signed)
        let doubled = signed.replacingOccurrences(of: signature, with: signature + signature)
        let wrapped = doubled.replacingOccurrences(
            of: "<saml:Assertion ", with: "<saml:EncryptedAssertion \(Self.saml)><saml:Assertion "
        )
        .replacingOccurrences(of: "</saml:Assertion>", with: "</saml:Assertion></saml:EncryptedAssertion>")
        let xml = try TestSAMLEncryption.encrypt(
            element: "Assertion", in: wrapped, to: pki.sp, content: .aes128GCM, keyTransport: .rsaOAEP)
        let outcome = try await Self.run(xml, decryption: pki.sp)
        #expect(outcome.code == "saml.decryption.failed")
        #expect(outcome.counts == Counts(keyTransport: 1, contentDecryption: 1))
    }

    @Test func keyInfoCertificatesNeverMultiplyVerifications() async throws {
        let pki = try await TestPKI.shared()
        let forged = try TestSAMLResponseBuilder().signed(.assertion, key: pki.attacker)
        let certificate = try AttackTests.slice(forged, from: "<ds:X509Certificate>", to: "</ds:X509Certificate>")
        let many = forged.replacingOccurrences(of: certificate, with: String(repeating: certificate, count: 100))
        // One verification per configured key (two during a rollover), whatever the KeyInfo holds.
        let outcome = try await Self.run(many, certificates: [pki.idp, pki.idpRollover])
        #expect(outcome.code == "saml.signature.invalid")
        #expect(outcome.counts == Counts(signatureVerification: 2))
    }
}
