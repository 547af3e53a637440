import Foundation
import SsoCore
import SsoTesting
import Testing
@testable import SsoSAML

/// Attacks that broke other SAML service providers. Every one must be rejected.
@Suite struct AttackTests {
    static let wrapping: Set<String> = [
        "saml.structure.assertion_count", "saml.signature.reference_invalid", "saml.structure.duplicate_id",
        "saml.signature.invalid", "saml.signature.missing",
    ]

    /// The text from the first `start` through the matching `end` (first occurrence after it).
    static func slice(_ xml: String, from start: String, to end: String) throws -> String {
        guard let lower = xml.range(of: start), let upper = xml.range(of: end, range: lower.upperBound..<xml.endIndex)
        else {
            throw TestTools.Failure(description: "no \(start)")
        }
        return String(xml[lower.lowerBound..<upper.upperBound])
    }

    static func signature(of xml: String) throws -> String {
        try slice(xml, from: "<ds:Signature", to: "</ds:Signature>")
    }

    static func removingSignature(_ xml: String) throws -> String {
        xml.replacingOccurrences(of: try signature(of: xml), with: "")
    }

    /// A copy of the signed assertion with an attacker's NameID and ID, unsigned.
    static func evil(_ assertion: String) throws -> String {
        try removingSignature(assertion)
            .replacingOccurrences(of: "alice@example.com", with: "admin@example.com")
            .replacingOccurrences(of: "ID=\"_assert-2b9e\"", with: "ID=\"_evil\"")
    }

    func signedAssertionDocument() async throws -> (xml: String, assertion: String) {
        let xml = try TestSAMLResponseBuilder().signed(.assertion, key: try await TestPKI.shared().idp)
        return (xml, try Self.slice(xml, from: "<saml:Assertion ", to: "</saml:Assertion>"))
    }

    @Test func xsw1And2SignedResponseWrappedInAnEvilResponse() async throws {
        let signed = try TestSAMLResponseBuilder().signed(.response, key: try await TestPKI.shared().idp)
        let originalSignature = try Self.signature(of: signed)
        let bare = try Self.removingSignature(signed).replacingOccurrences(
            of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: "")
        let evilBody = bare.replacingOccurrences(of: "alice@example.com", with: "admin@example.com")
            .replacingOccurrences(of: "ID=\"_resp-8a7d\"", with: "ID=\"_evil-resp\"")
        // XSW1: the original Response inside the evil Response's Signature.
        let xsw1 = evilBody.replacingOccurrences(
            of: "</saml:Issuer>",
            with: "</saml:Issuer>"
                + originalSignature.replacingOccurrences(of: "</ds:Signature>", with: bare + "</ds:Signature>"))
        // XSW2: the original Response as a sibling before the copied Signature.
        let xsw2 = evilBody.replacingOccurrences(
            of: "</saml:Issuer>", with: "</saml:Issuer>" + bare + originalSignature)
        let validator = try await makeValidator()
        for attack in [xsw1, xsw2] {
            let code = await rejection(attack, validator: validator)
            #expect(code.map(Self.wrapping.contains) == true, "\(code ?? "accepted")")
        }
    }

    @Test func xsw3To8AssertionWrapping() async throws {
        let (xml, assertion) = try await signedAssertionDocument()
        let evil = try Self.evil(assertion)
        let sig = try Self.signature(of: assertion)
        let unsignedOriginal = try Self.removingSignature(assertion)
        let evilWithSignature = evil.replacingOccurrences(
            of: "</saml:Issuer>", with: "</saml:Issuer>" + sig)
        let attacks: [String: String] = [
            // XSW3: evil assertion before the signed one.
            "xsw3": xml.replacingOccurrences(of: assertion, with: evil + assertion),
            // XSW4: the signed assertion nested inside the evil one.
            "xsw4": xml.replacingOccurrences(
                of: assertion,
                with: evil.replacingOccurrences(of: "</saml:Assertion>", with: assertion + "</saml:Assertion>")),
            // XSW5: the evil assertion carries the signature; the original (unsigned) at the end.
            "xsw5": xml.replacingOccurrences(of: assertion, with: evilWithSignature + unsignedOriginal),
            // XSW6: the evil assertion carries the signature, which holds the original.
            "xsw6": xml.replacingOccurrences(
                of: assertion,
                with: evilWithSignature.replacingOccurrences(
                    of: "</ds:Signature>", with: unsignedOriginal + "</ds:Signature>")),
            // XSW7: the signed assertion hidden in Extensions, the evil one in its place.
            "xsw7": xml.replacingOccurrences(
                of: assertion, with: "<samlp:Extensions>" + assertion + "</samlp:Extensions>" + evil),
            // XSW8: the evil assertion's signature holds an Object with the original.
            "xsw8": xml.replacingOccurrences(
                of: assertion,
                with: evilWithSignature.replacingOccurrences(
                    of: "</ds:Signature>", with: "<ds:Object>" + unsignedOriginal + "</ds:Object></ds:Signature>")),
        ]
        let validator = try await makeValidator()
        for (name, attack) in attacks.sorted(by: { $0.key < $1.key }) {
            #expect(attack != xml, "\(name) did not change the document")
            let code = await rejection(attack, validator: validator)
            #expect(code.map(Self.wrapping.contains) == true, "\(name): \(code ?? "accepted")")
        }
    }

    @Test func signatureStrippedOrMoved() async throws {
        let (xml, assertion) = try await signedAssertionDocument()
        let validator = try await makeValidator()
        #expect(await rejection(try Self.removingSignature(xml), validator: validator) == "saml.signature.missing")
        let sig = try Self.signature(of: assertion)
        let moved = xml.replacingOccurrences(of: sig, with: "")
            .replacingOccurrences(of: "</saml:Issuer><samlp:Status>", with: "</saml:Issuer>" + sig + "<samlp:Status>")
        #expect(moved != xml)
        #expect(await rejection(moved, validator: validator) == "saml.signature.reference_invalid")
    }

    @Test func clonedUnsignedAssertionBesideASignedOne() async throws {
        let (xml, assertion) = try await signedAssertionDocument()
        let cloned = xml.replacingOccurrences(of: assertion, with: assertion + (try Self.evil(assertion)))
        #expect(await rejection(cloned, validator: try await makeValidator()) == "saml.structure.assertion_count")
    }

    @Test func twoSignedAssertions() async throws {
        let pki = try await TestPKI.shared()
        let first = try TestSAMLResponseBuilder().signed(.assertion, key: pki.idp)
        var other = TestSAMLResponseBuilder()
        other.assertionID = "_assert-second"
        other.nameID = "bob@example.com"
        let second = try Self.slice(
            try other.signed(.assertion, key: pki.idp), from: "<saml:Assertion ", to: "</saml:Assertion>")
        let both = first.replacingOccurrences(of: "</samlp:Response>", with: second + "</samlp:Response>")
        #expect(await rejection(both, validator: try await makeValidator()) == "saml.structure.assertion_count")
    }

    @Test func assertionInAdviceIsRefused() async throws {
        let (_, assertion) = try await signedAssertionDocument()
        var builder = TestSAMLResponseBuilder()
        builder.assertionExtra = "<saml:Advice>" + (try Self.evil(assertion)) + "</saml:Advice>"
        let xml = try builder.signed(.assertion, key: try await TestPKI.shared().idp)
        #expect(await rejection(xml, validator: try await makeValidator()) == "saml.structure.assertion_count")
    }

    @Test func attackerCertificateInKeyInfo() async throws {
        let xml = try TestSAMLResponseBuilder().signed(.assertion, key: try await TestPKI.shared().attacker)
        #expect(xml.contains("<ds:X509Certificate>MII"))
        #expect(await rejection(xml, validator: try await makeValidator()) == "saml.signature.invalid")
    }

    @Test func digestMismatch() async throws {
        let (xml, _) = try await signedAssertionDocument()
        let tampered = xml.replacingOccurrences(
            of: ">alice@example.com</saml:NameID>", with: ">admin@example.com</saml:NameID>")
        #expect(tampered != xml)
        #expect(await rejection(tampered, validator: try await makeValidator()) == "saml.signature.invalid")
        let tamperedAttribute = xml.replacingOccurrences(of: ">staff<", with: ">root<")
        #expect(await rejection(tamperedAttribute, validator: try await makeValidator()) == "saml.signature.invalid")
    }

    @Test func commentInjectionDoesNotTruncateTheNameID() async throws {
        var builder = TestSAMLResponseBuilder()
        builder.nameID = "alice@example.com.evil.com"
        let xml = try builder.signed(.assertion, key: try await TestPKI.shared().idp)
        // Comments are not covered by exclusive C14N: inserting one keeps the signature valid.
        let injected = xml.replacingOccurrences(
            of: "alice@example.com.evil.com", with: "alice@example.com<!---->.evil.com")
        #expect(injected != xml)
        let result = try await makeValidator().validate(injected, expectedRequestID: TestSAMLResponseBuilder.requestID)
        #expect(result.nameID == "alice@example.com.evil.com")
    }

    @Test func doctypeXXEAndBillionLaughsFailFast() async throws {
        let (xml, _) = try await signedAssertionDocument()
        let body = xml.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: "")
        let laughs =
            "<!DOCTYPE samlp:Response [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">]>"
        let xxe = "<!DOCTYPE samlp:Response [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        let validator = try await makeValidator()
        for prefix in [laughs, xxe, "<!DOCTYPE samlp:Response SYSTEM \"http://127.0.0.1:1/evil.dtd\">"] {
            let start = Date()
            let attack =
                prefix + body.replacingOccurrences(of: "alice@example.com</saml:NameID>", with: "&x;</saml:NameID>")
            #expect(await rejection(attack, validator: validator) == "saml.xml.doctype")
            #expect(await rejection(Base64.encode(Array(attack.utf8)), validator: validator) == "saml.xml.doctype")
            #expect(Date().timeIntervalSince(start) < 1)
        }
    }

    @Test func sha1OnlyWhenAllowed() async throws {
        var builder = TestSAMLResponseBuilder()
        builder.signatureMethod = "http://www.w3.org/2000/09/xmldsig#rsa-sha1"
        builder.digestMethod = "http://www.w3.org/2000/09/xmldsig#sha1"
        let xml = try builder.signed(.assertion, key: try await TestPKI.shared().idp)
        #expect(await rejection(xml, validator: try await makeValidator()) == "saml.signature.algorithm_not_allowed")
        #expect(await rejection(xml, validator: try await makeValidator(policy: .init(unsafeAllowSHA1: true))) == nil)
        // A SHA-256 signature over a SHA-1 digest is refused as well.
        builder.signatureMethod = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
        let mixed = try builder.signed(.assertion, key: try await TestPKI.shared().idp)
        #expect(await rejection(mixed, validator: try await makeValidator()) == "saml.signature.algorithm_not_allowed")
    }

    @Test func smallRSAKeyIsRefused() async throws {
        let pki = try await TestPKI.shared()
        let xml = try TestSAMLResponseBuilder().signed(.assertion, key: pki.weak)
        #expect(
            await rejection(xml, validator: try await makeValidator(certificates: [pki.weak]))
                == "saml.signature.key_too_small")
        let relaxed = try await makeValidator(certificates: [pki.weak], policy: .init(minRSAKeyBits: 1024))
        #expect(await rejection(xml, validator: relaxed) == nil)
    }

    @Test func signatureShapeTricks() async throws {
        let (xml, _) = try await signedAssertionDocument()
        let validator = try await makeValidator()
        let cases: [(String, String, String)] = [
            ("<ds:KeyInfo>", "<ds:KeyInfo><ds:RetrievalMethod URI=\"#_evil\"/>", "saml.signature.reference_invalid"),
            ("<ds:Reference URI=\"#_assert-2b9e\">", "<ds:Reference URI=\"\">", "saml.signature.reference_invalid"),
            (
                "<ds:Reference URI=\"#_assert-2b9e\">", "<ds:Reference URI=\"#_resp-8a7d\">",
                "saml.signature.reference_invalid"
            ),
            (
                "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>",
                "<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\"><ds:XPath>1</ds:XPath></ds:Transform>",
                "saml.signature.algorithm_not_allowed"
            ),
            (
                "</ds:SignedInfo>",
                "<ds:Reference URI=\"#_resp-8a7d\"><ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue>AA==</ds:DigestValue></ds:Reference></ds:SignedInfo>",
                "saml.signature.reference_invalid"
            ),
            ("ID=\"_resp-8a7d\"", "ID=\"_assert-2b9e\"", "saml.structure.duplicate_id"),
            (
                "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"",
                "<saml:Assertion xmlns:saml=\"urn:evil:assertion\"", "saml.structure.assertion_count"
            ),
        ]
        for (find, replace, code) in cases {
            #expect(xml.contains(find), "\(find)")
            let attack = xml.replacingOccurrences(of: find, with: replace)
            #expect(await rejection(attack, validator: validator) == code, "\(replace)")
        }
    }

    @Test func verifierReturnsOnlyTheSignedBytes() async throws {
        let (xml, _) = try await signedAssertionDocument()
        // Whitespace and a comment outside the signed content do not appear in the signed view.
        let noisy = xml.replacingOccurrences(of: "<samlp:Status>", with: "<!-- noise --><samlp:Status>")
        let document = try HardenedXMLParser.parse(noisy)
        guard case .plain(let assertion) = try SAMLResponseStructure.check(response: document.root) else {
            Issue.record("expected a plain assertion")
            return
        }
        try XMLSignatureVerifier.registerIDs(of: [assertion])
        let options = XMLSignatureVerifier.Options(
            allowSHA1: false, minRSABits: 2048, enforceCertificateValidity: false, now: TestSAMLResponseBuilder.now,
            limits: .init())
        let keys = try SAMLSigningKeySet(pemCertificates: try await TestPKI.shared().idp.certificatePEM)
        let signed = try XMLSignatureVerifier.verify(assertion, keys: keys, options: options)
        #expect(signed.root.is(SAMLNamespace.assertion, "Assertion"))
        #expect(signed.root.attribute("ID") == "_assert-2b9e")
        #expect(signed.root.firstChild(SAMLNamespace.xmlDSig, "Signature") == nil)
        #expect(signed.root.parent == nil)
    }

    @Test func manyValidationsInParallel() async throws {
        let pki = try await TestPKI.shared()
        let good = try TestSAMLResponseBuilder().signed(.both, key: pki.idp)
        let bad = good.replacingOccurrences(of: ">staff<", with: ">root<")
        // At most 8 in flight: still concurrent on every pool thread, without queueing 200 jobs
        // ahead of every other test's (the pool has 2 threads here; sanitizers make each job slow).
        let results = await withTaskGroup(of: (Bool, String?).self) { group in
            var all: [(Bool, String?)] = []
            for index in 0..<200 {
                if index >= 8, let finished = await group.next() { all.append(finished) }
                group.addTask {
                    let expectValid = index % 4 != 0
                    let validator = try? await makeValidator()
                    guard let validator else { return (expectValid, "setup") }
                    return (expectValid, await rejection(expectValid ? good : bad, validator: validator))
                }
            }
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 200)
        for (expectValid, code) in results {
            if expectValid { #expect(code == nil) } else { #expect(code == "saml.signature.invalid") }
        }
    }
}
