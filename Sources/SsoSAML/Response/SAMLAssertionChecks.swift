import Foundation
import SsoCore

/// The checks on the (signed) Assertion: issuer, subject, bearer confirmation, conditions,
/// audience, authentication statement, attributes and issue instants.
struct SAMLAssertionChecks {
    let check: SAMLResponseCheck
    let expectedRequestID: String?
    let responseSigned: Bool
    private var configuration: SAMLResponseValidator.Configuration { check.configuration }
    private var skew: TimeInterval { check.policy.clockSkew }
    private var now: Date { check.now }
    private static let saml = SAMLNamespace.assertion

    init(check: SAMLResponseCheck, expectedRequestID: String?, responseSigned: Bool) {
        self.check = check
        self.expectedRequestID = expectedRequestID
        self.responseSigned = responseSigned
    }

    func run(
        _ assertion: SAMLXMLElement, response: SAMLXMLElement,
        flags: (responseSigned: Bool, assertionSigned: Bool, encrypted: Bool)
    ) throws(SsoError) -> SAMLResponseCheck.Outcome {
        let saml = Self.saml
        guard assertion.is(saml, "Assertion") else {
            throw SsoError(.samlStructureAssertionCount, "the signed content is not a SAML 2.0 Assertion")
        }
        guard assertion.attribute("Version").bytesEqual("2.0") else {
            throw SsoError(.samlStructureVersion, "the Assertion Version is not 2.0")
        }
        guard let assertionID = assertion.attribute("ID"), !assertionID.isEmpty else {
            throw SsoError(.samlStructureMissingElement, "the Assertion has no ID")
        }
        let issuers = assertion.children(saml, "Issuer")
        guard issuers.count == 1, let issuer = issuers.first else {
            throw SsoError(.samlIssuerMismatch, "the Assertion must have exactly one Issuer")
        }
        try check.checkIssuer(issuer, of: "Assertion")

        let subjects = assertion.children(saml, "Subject")
        guard subjects.count == 1, let subject = subjects.first else {
            throw SsoError(.samlStructureUnexpectedElement, "the Assertion must have exactly one Subject")
        }
        let nameID = try readNameID(subject)
        let conditionsEnd = try checkConditions(assertion)
        let confirmationEnd = try checkBearerConfirmation(subject)

        let statements = assertion.children(saml, "AuthnStatement")
        guard let authn = statements.first else {
            throw SsoError(.samlAuthnStatementMissing, "the Assertion has no AuthnStatement")
        }
        let authnInstant = try check.time(authn.attribute("AuthnInstant"), "AuthnStatement AuthnInstant")
        let sessionEnd = try authn.attribute("SessionNotOnOrAfter").map { (text) throws(SsoError) -> Date in
            try check.time(text, "SessionNotOnOrAfter")
        }
        let classRef = authn.firstChild(saml, "AuthnContext")?.firstChild(saml, "AuthnContextClassRef")?.textContent
            .trimmingXMLWhitespace

        try check.checkIssueInstant(assertion.attribute("IssueInstant"), of: "Assertion")
        try check.checkIssueInstant(response.attribute("IssueInstant"), of: "Response")

        let notOnOrAfter = conditionsEnd ?? confirmationEnd
        let result = SAMLAssertionResult(
            issuer: issuer.textContent.trimmingXMLWhitespace, nameID: nameID.value, nameIDFormat: nameID.format,
            nameQualifier: nameID.nameQualifier, spNameQualifier: nameID.spNameQualifier,
            sessionIndex: authn.attribute("SessionIndex"), authnInstant: authnInstant,
            authnContextClassRef: classRef?.isEmpty == false ? classRef : nil, sessionNotOnOrAfter: sessionEnd,
            notOnOrAfter: notOnOrAfter, assertionID: assertionID, responseID: response.attribute("ID"),
            inResponseTo: response.attribute("InResponseTo"), attributes: Self.attributes(of: assertion),
            responseWasSigned: flags.responseSigned, assertionWasSigned: flags.assertionSigned,
            assertionWasEncrypted: flags.encrypted)
        let replayUntil = max(conditionsEnd ?? confirmationEnd, confirmationEnd).addingTimeInterval(skew)
        return SAMLResponseCheck.Outcome(result: result, replayUntil: replayUntil)
    }

    private struct NameID {
        var value: String
        var format: String?
        var nameQualifier: String?
        var spNameQualifier: String?
    }

    /// Exactly one `NameID` or `EncryptedID` (decrypted); its full text, trimmed, must be non-empty.
    private func readNameID(_ subject: SAMLXMLElement) throws(SsoError) -> NameID {
        let candidates = subject.children(Self.saml, "NameID") + subject.children(Self.saml, "EncryptedID")
        guard candidates.count == 1, var element = candidates.first else {
            throw SsoError(.samlSubjectMissingNameID, "the Subject must have exactly one NameID or EncryptedID")
        }
        if element.is(Self.saml, "EncryptedID") {
            let wrapper = element
            guard let key = configuration.decryptionKey else {
                throw SsoError(
                    .samlDecryptionKeyMissing, "the NameID is encrypted but no SP decryption key is configured")
            }
            element = try SAMLDecryptor.decrypt(
                wrapper, key: key, allowRSA15: check.policy.unsafeAllowRSA15KeyTransport, limits: check.policy.limits,
                operations: check.operations)
            guard element.is(Self.saml, "NameID") else {
                throw SAMLDecryptor.failure(decrypting: wrapper.localName)
            }
        }
        guard element.children.isEmpty else {
            throw SsoError(.samlStructureUnexpectedElement, "the NameID must hold text only")
        }
        let value = element.textContent.trimmingXMLWhitespace
        guard !value.isEmpty else {
            throw SsoError(.samlSubjectMissingNameID, "the NameID is empty")
        }
        return NameID(
            value: value, format: element.attribute("Format"), nameQualifier: element.attribute("NameQualifier"),
            spNameQualifier: element.attribute("SPNameQualifier"))
    }

    /// At most one `Conditions`: time window with skew, and every `AudienceRestriction` must list
    /// the SP entity id (exact match). Returns `NotOnOrAfter`, if any.
    private func checkConditions(_ assertion: SAMLXMLElement) throws(SsoError) -> Date? {
        let all = assertion.children(Self.saml, "Conditions")
        guard all.count <= 1 else {
            throw SsoError(.samlStructureUnexpectedElement, "the Assertion has more than one Conditions")
        }
        guard let conditions = all.first else {
            throw SsoError(.samlAudienceMissing, "the Assertion has no Conditions/AudienceRestriction")
        }
        if let text = conditions.attribute("NotBefore") {
            let notBefore = try check.time(text, "Conditions NotBefore")
            guard now.addingTimeInterval(skew) >= notBefore else {
                throw SsoError(
                    .samlConditionsNotYetValid, "the Assertion is not valid before \(Timestamp.format(notBefore))")
            }
        }
        var notOnOrAfter: Date?
        if let text = conditions.attribute("NotOnOrAfter") {
            let end = try check.time(text, "Conditions NotOnOrAfter")
            guard now.addingTimeInterval(-skew) < end else {
                throw SsoError(.samlConditionsExpired, "the Assertion expired at \(Timestamp.format(end))")
            }
            notOnOrAfter = end
        }
        var restrictions = 0
        for condition in conditions.children {
            if condition.is(Self.saml, "AudienceRestriction") {
                restrictions += 1
                let audiences = condition.children(Self.saml, "Audience").map { $0.textContent.trimmingXMLWhitespace }
                guard audiences.containsBytes(of: configuration.spEntityID) else {
                    throw SsoError(
                        .samlAudienceMismatch,
                        "the Assertion's audience does not include this SP (\(configuration.spEntityID))")
                }
            } else if condition.is(Self.saml, "OneTimeUse") || condition.is(Self.saml, "ProxyRestriction") {
                continue
            } else {
                throw SsoError(
                    .samlConditionsUnsupported,
                    "the Assertion has a condition <\(condition.localName)> this SP does not understand")
            }
        }
        guard restrictions > 0 else {
            throw SsoError(.samlAudienceMissing, "the Assertion has no AudienceRestriction")
        }
        return notOnOrAfter
    }

    /// A bearer `SubjectConfirmation` whose data names this ACS as `Recipient`, is within its time
    /// window and answers the expected request. Returns its `NotOnOrAfter`.
    private func checkBearerConfirmation(_ subject: SAMLXMLElement) throws(SsoError) -> Date {
        let bearers = subject.children(Self.saml, "SubjectConfirmation")
            .filter { $0.attribute("Method").bytesEqual("urn:oasis:names:tc:SAML:2.0:cm:bearer") }
        guard let first = bearers.first else {
            throw SsoError(.samlSubjectConfirmationMissing, "the Subject has no bearer SubjectConfirmation")
        }
        // Any valid bearer confirmation is enough; when none is, the first one's reason is reported.
        do {
            return try checkBearerData(first)
        } catch {
            for bearer in bearers.dropFirst() {
                if let end = try? checkBearerData(bearer) { return end }
            }
            throw error
        }
    }

    private func checkBearerData(_ bearer: SAMLXMLElement) throws(SsoError) -> Date {
        let datas = bearer.children(Self.saml, "SubjectConfirmationData")
        guard datas.count == 1, let data = datas.first else {
            throw SsoError(
                .samlSubjectConfirmationMissing, "the bearer SubjectConfirmation has no SubjectConfirmationData")
        }
        guard data.attribute("Recipient").bytesEqual(configuration.acsURL) else {
            throw SsoError(.samlSubjectConfirmationRecipientMismatch, "the bearer Recipient is not this SP's ACS URL")
        }
        guard let endText = data.attribute("NotOnOrAfter") else {
            throw SsoError(.samlSubjectConfirmationExpired, "the bearer SubjectConfirmationData has no NotOnOrAfter")
        }
        let end = try check.time(endText, "SubjectConfirmationData NotOnOrAfter")
        guard now.addingTimeInterval(-skew) < end else {
            throw SsoError(
                .samlSubjectConfirmationExpired, "the bearer confirmation expired at \(Timestamp.format(end))")
        }
        if let text = data.attribute("NotBefore") {
            let start = try check.time(text, "SubjectConfirmationData NotBefore")
            guard now.addingTimeInterval(skew) >= start else {
                throw SsoError(
                    .samlSubjectConfirmationNotYetValid,
                    "the bearer confirmation is not valid before \(Timestamp.format(start))")
            }
        }
        let inResponseTo = data.attribute("InResponseTo")
        if let expectedRequestID {
            // Absent is tolerated only when the Response, whose InResponseTo already matched, is signed.
            guard inResponseTo.bytesEqual(expectedRequestID) || (inResponseTo == nil && responseSigned) else {
                throw SsoError(
                    .samlInResponseToMismatch,
                    "the bearer confirmation's InResponseTo does not match the AuthnRequest this SP sent")
            }
        } else if inResponseTo != nil {
            throw SsoError(
                .samlInResponseToMismatch,
                "the bearer confirmation carries InResponseTo, but no request of this SP is pending")
        }
        return end
    }

    /// Every `Attribute` of every `AttributeStatement`: name → values (text content; `xsi:nil`
    /// values skipped). Repeated names are merged in document order.
    ///
    /// A value with child elements (a complex type such as an `eduPersonTargetedID` NameID) is
    /// skipped: flattening it to text would let markup pass as a plain value (an `email` of
    /// `<x>admin@</x>evil.com`), while a NameID with child elements is refused outright.
    static func attributes(of assertion: SAMLXMLElement) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for statement in assertion.children(saml, "AttributeStatement") {
            for attribute in statement.children(saml, "Attribute") {
                guard let name = attribute.attribute("Name"), !name.isEmpty else { continue }
                var values = result[name] ?? []
                for value in attribute.children(saml, "AttributeValue") {
                    if value.attribute("nil", namespace: SAMLNamespace.xmlSchemaInstance).bytesEqual("true") {
                        continue
                    }
                    if !value.children.isEmpty { continue }
                    values.append(value.textContent)
                }
                result[name] = values
            }
        }
        return result
    }
}
