import Foundation
import Testing

/// "A validated SAML result only contains values from signed nodes", on generated XML
/// signature wrapping mutations of the signed fixtures: an attacker's copy of the assertion
/// (other NameID, attributes, ID) placed beside, around or inside the signed one, the signed one
/// moved into Extensions/Advice/Object, comments and character references inside signed text,
/// and edits of signed values. Each mutation must be rejected or yield exactly the signed values.
@Suite struct WrappingMutationTests {
    static let idps = ["okta", "entra-id", "adfs", "onelogin"]

    /// The signed response split around its assertion.
    struct Parts {
        let before: String
        let assertion: String
        let after: String
        let prefix: String  // "saml2:" or ""
        let nameID: String
    }

    static func parts(_ xml: String, nameID: String) throws -> Parts {
        let open = try #require(xml.firstMatch(of: /<([A-Za-z0-9]+:)?Assertion[ >]/))
        let prefix = open.output.1.map(String.init) ?? ""
        let close = try #require(xml.range(of: "</\(prefix)Assertion>", options: .backwards))
        return Parts(
            before: String(xml[..<open.range.lowerBound]),
            assertion: String(xml[open.range.lowerBound..<close.upperBound]),
            after: String(xml[close.upperBound...]), prefix: prefix, nameID: nameID)
    }

    enum Mutation: CaseIterable {
        case evilBefore, evilAfter, signedInExtensions, evilInSignatureObject, signedInEvilAdvice
        case commentInNameID, characterReferenceInNameID, editedNameID, extraAttributeValue, evilWithSameID,
            unsignedEvilOnly
    }

    static func evil(_ parts: Parts, rng: inout SeededGenerator, keepID: Bool) -> String {
        var assertion = parts.assertion.replacingOccurrences(of: ">\(parts.nameID)<", with: ">attacker@evil.example<")
        if !keepID {
            assertion = assertion.replacing(
                /ID="[^"]*"/, with: "ID=\"_evil\(UInt32.random(in: 0...UInt32.max, using: &rng))\"")
        }
        if Bool.random(using: &rng) {
            // Drop the assertion's own signature, as a real attacker's copy would not verify.
            assertion = assertion.replacing(
                /<([A-Za-z0-9]+:)?Signature[ >][\s\S]*?<\/([A-Za-z0-9]+:)?Signature>/, with: "")
        }
        return assertion
    }

    static func mutate(_ parts: Parts, _ mutation: Mutation, rng: inout SeededGenerator) -> String {
        let protocolNS = "urn:oasis:names:tc:SAML:2.0:protocol"
        let assertionNS = "urn:oasis:names:tc:SAML:2.0:assertion"
        switch mutation {
        case .evilBefore:
            return parts.before + evil(parts, rng: &rng, keepID: false) + parts.assertion + parts.after
        case .evilAfter:
            return parts.before + parts.assertion + evil(parts, rng: &rng, keepID: false) + parts.after
        case .evilWithSameID:
            return parts.before + evil(parts, rng: &rng, keepID: true) + parts.assertion + parts.after
        case .unsignedEvilOnly:
            return parts.before + evil(parts, rng: &rng, keepID: true) + parts.after
        case .signedInExtensions:
            return parts.before + "<xp:Extensions xmlns:xp=\"\(protocolNS)\">" + parts.assertion + "</xp:Extensions>"
                + evil(parts, rng: &rng, keepID: Bool.random(using: &rng)) + parts.after
        case .evilInSignatureObject:
            let object =
                "<xd:Object xmlns:xd=\"http://www.w3.org/2000/09/xmldsig#\">" + evil(parts, rng: &rng, keepID: false)
                + "</xd:Object>"
            let whole = parts.before + parts.assertion + parts.after
            guard let close = whole.firstMatch(of: /<\/([A-Za-z0-9]+:)?Signature>/) else { return whole }
            return String(whole[..<close.range.lowerBound]) + object + String(whole[close.range.lowerBound...])
        case .signedInEvilAdvice:
            var wrapper = evil(parts, rng: &rng, keepID: Bool.random(using: &rng))
            let advice = "<xa:Advice xmlns:xa=\"\(assertionNS)\">" + parts.assertion + "</xa:Advice>"
            if let close = wrapper.range(of: "</\(parts.prefix)Assertion>", options: .backwards) {
                wrapper.insert(contentsOf: advice, at: close.lowerBound)
            }
            return parts.before + wrapper + parts.after
        case .commentInNameID:
            let cut = Int.random(in: 0...parts.nameID.count, using: &rng)
            let name = String(parts.nameID.prefix(cut)) + "<!--.evil.example-->" + String(parts.nameID.dropFirst(cut))
            return parts.before + parts.assertion.replacingOccurrences(of: ">\(parts.nameID)<", with: ">\(name)<")
                + parts.after
        case .characterReferenceInNameID:
            let scalars = Array(parts.nameID.unicodeScalars)
            let at = Int.random(in: 0..<max(1, scalars.count), using: &rng)
            let name = scalars.enumerated().map {
                $0.offset == at ? "&#x\(String($0.element.value, radix: 16));" : String($0.element)
            }.joined()
            return parts.before + parts.assertion.replacingOccurrences(of: ">\(parts.nameID)<", with: ">\(name)<")
                + parts.after
        case .editedNameID:
            return parts.before
                + parts.assertion.replacingOccurrences(of: ">\(parts.nameID)<", with: ">\(parts.nameID)x<")
                + parts.after
        case .extraAttributeValue:
            let value = "<\(parts.prefix)AttributeValue>admins</\(parts.prefix)AttributeValue>"
            return parts.before
                + parts.assertion.replacingOccurrences(
                    of: "</\(parts.prefix)Attribute>", with: value + "</\(parts.prefix)Attribute>") + parts.after
        }
    }

    @Test(arguments: idps)
    func wrappingMutationsNeverYieldUnsignedValues(_ idp: String) async throws {
        let fixtures = try SAMLOracles.responseFixtures.get()
        let fixture = fixtures[try #require(SAMLOracles.responseIdPs.firstIndex(of: idp))]
        let xml = try FixtureFiles.text("saml/\(idp)/response.xml")
        let parts = try Self.parts(xml, nameID: fixture.nameID)
        #expect(parts.before + parts.assertion + parts.after == xml)
        // Positive control: the unmutated response is accepted, so a rejection below is the
        // mutation's doing and not a broken fixture.
        #expect(
            (try? await SAMLOracles.outcome(Array(xml.utf8), with: fixture).get()) != nil, "\(idp): fixture refused")
        var rng = SeededGenerator(seed: 0x5A41_4C00 ^ UInt64(idp.utf8.count))
        var acceptedKinds: Set<String> = []
        for index in 0..<66 {
            let mutation = Mutation.allCases[index % Mutation.allCases.count]
            let mutated = Self.mutate(parts, mutation, rng: &rng)
            #expect(mutated != xml, "\(idp) #\(index) \(mutation) did not change the response")
            let input =
                Bool.random(using: &rng) ? Array(mutated.utf8) : Array(Data(mutated.utf8).base64EncodedString().utf8)
            let outcome = await SAMLOracles.outcome(input, with: fixture)
            #expect(throws: Never.self, "\(idp) #\(index) \(mutation)") {
                try SAMLOracles.checkOutcome(outcome, of: fixture)
            }
            if (try? outcome.get()) != nil {
                acceptedKinds.insert("\(mutation)")
            }
        }
        // Signed-value edits, foreign assertions and unsigned copies are never accepted.
        for kind in [
            "editedNameID", "extraAttributeValue", "unsignedEvilOnly", "evilBefore", "evilAfter", "evilWithSameID",
        ] {
            #expect(!acceptedKinds.contains(kind), "\(idp): \(kind) was accepted")
        }
    }
}
