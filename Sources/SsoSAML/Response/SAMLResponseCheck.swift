import Foundation
import SsoCore

/// One synchronous run of every check but the replay cache (see ``SAMLResponseValidator``).
package struct SAMLResponseCheck {
    package struct Outcome {
        package let result: SAMLAssertionResult
        /// Until when the assertion ID must be remembered.
        package let replayUntil: Date
    }

    let configuration: SAMLResponseValidator.Configuration
    let now: Date
    /// Counts the key operations of the run (tests only).
    let operations: SAMLKeyOperationCounter?
    var policy: SAMLValidationPolicy { configuration.policy }

    package init(
        configuration: SAMLResponseValidator.Configuration, now: Date, operations: SAMLKeyOperationCounter? = nil
    ) {
        self.configuration = configuration
        self.now = now
        self.operations = operations
    }

    var signatureOptions: XMLSignatureVerifier.Options {
        XMLSignatureVerifier.Options(
            allowSHA1: policy.unsafeAllowSHA1, minRSABits: policy.minRSAKeyBits,
            enforceCertificateValidity: policy.enforceCertificateValidity, now: now, limits: policy.limits,
            operations: operations)
    }

    package func run(_ input: [UInt8], expectedRequestID: String?) throws(SsoError) -> Outcome {
        let xml = try SAMLInputDecoder.xmlBytes(input, maxBytes: policy.limits.maxBytes)
        let document = try HardenedXMLParser.parse(xml, limits: policy.limits)
        let root = document.root
        let child = try SAMLResponseStructure.check(response: root)

        // Signatures are verified on the document as received; afterwards only signed bytes are read.
        let ds = SAMLNamespace.xmlDSig
        var toRegister: [SAMLXMLElement] = []
        if root.firstChild(ds, "Signature") != nil { toRegister.append(root) }
        if case .plain(let assertion) = child, assertion.firstChild(ds, "Signature") != nil {
            toRegister.append(assertion)
        }
        try XMLSignatureVerifier.registerIDs(of: toRegister)

        var response = root
        var responseSigned = false
        if root.firstChild(ds, "Signature") != nil {
            // Re-parse the signed bytes when the assertion's values come from this signature; otherwise
            // only attributes of the verified root itself (the node the reference resolved to) are read,
            // and the (encrypted or separately signed) assertion is its verified child.
            if case .plain(let assertion) = child, assertion.firstChild(ds, "Signature") == nil {
                response = try XMLSignatureVerifier.verify(
                    root, keys: configuration.idpSigningKeys, options: signatureOptions
                ).root
            } else {
                try XMLSignatureVerifier.verifyInPlace(
                    root, keys: configuration.idpSigningKeys, options: signatureOptions)
            }
            responseSigned = true
        }
        if policy.requireSignedResponse && !responseSigned {
            throw SsoError(.samlSignatureMissing, "the Response is not signed and the policy requires it")
        }

        let assertion: SAMLXMLElement
        var assertionSigned = false
        var encrypted = false
        switch child {
        case .plain(let original):
            if original.firstChild(ds, "Signature") != nil {
                assertion = try XMLSignatureVerifier.verify(
                    original, keys: configuration.idpSigningKeys, options: signatureOptions
                ).root
                assertionSigned = true
            } else {
                guard responseSigned else {
                    throw SsoError(.samlSignatureMissing, "neither the Response nor the Assertion is signed")
                }
                assertion = try Self.onlyAssertionChild(of: response, encrypted: false)
            }
        case .encrypted:
            encrypted = true
            let wrapper = try Self.onlyAssertionChild(of: response, encrypted: true)
            let decrypted = try decryptAssertion(wrapper, responseSigned: responseSigned)
            assertion = decrypted.0
            assertionSigned = decrypted.1
        }
        if policy.requireSignedAssertion && !assertionSigned {
            throw SsoError(.samlSignatureMissing, "the Assertion is not signed and the policy requires it")
        }

        try checkEnvelope(response, signed: responseSigned, expectedRequestID: expectedRequestID)
        return try SAMLAssertionChecks(
            check: self, expectedRequestID: expectedRequestID, responseSigned: responseSigned
        ).run(
            assertion, response: response, flags: (responseSigned, assertionSigned, encrypted))
    }

    /// The single direct-child (Encrypted)Assertion of the (signed) Response view.
    private static func onlyAssertionChild(of response: SAMLXMLElement, encrypted: Bool) throws(SsoError)
        -> SAMLXMLElement
    {
        let children = response.children(SAMLNamespace.assertion, encrypted ? "EncryptedAssertion" : "Assertion")
        guard children.count == 1, let only = children.first else {
            throw SsoError(.samlStructureAssertionCount, "the signed Response does not hold exactly one assertion")
        }
        return only
    }

    /// Destination, Issuer and InResponseTo of the Response (its IssueInstant is checked last).
    private func checkEnvelope(_ response: SAMLXMLElement, signed: Bool, expectedRequestID: String?) throws(SsoError) {
        if let destination = response.attribute("Destination") {
            guard destination.bytesEqual(configuration.acsURL) else {
                throw SsoError(
                    .samlDestinationMismatch,
                    "the Response Destination \"\(destination.prefix(200))\" is not this SP's ACS URL")
            }
        } else if signed {
            throw SsoError(.samlDestinationMissing, "a signed Response must carry a Destination")
        }
        if let issuer = response.firstChild(SAMLNamespace.assertion, "Issuer") {
            try checkIssuer(issuer, of: "Response")
        }
        let inResponseTo = response.attribute("InResponseTo")
        if let expectedRequestID {
            guard inResponseTo.bytesEqual(expectedRequestID) else {
                throw SsoError(
                    .samlInResponseToMismatch,
                    inResponseTo == nil
                        ? "the Response has no InResponseTo, but answers a request of this SP"
                        : "the Response InResponseTo does not match the AuthnRequest this SP sent")
            }
        } else {
            guard policy.unsafeAllowUnsolicited else {
                throw SsoError(
                    .samlUnsolicited, "an unsolicited (IdP-initiated) response, and this connection does not allow them"
                )
            }
            guard inResponseTo == nil else {
                throw SsoError(
                    .samlInResponseToMismatch, "the response carries InResponseTo, but no request of this SP is pending"
                )
            }
        }
    }

    /// `Issuer` must equal the IdP entity id; a `Format`, when present, must be `entity`.
    func checkIssuer(_ issuer: SAMLXMLElement, of owner: String) throws(SsoError) {
        let value = issuer.textContent.trimmingXMLWhitespace
        guard value.bytesEqual(configuration.idpEntityID) else {
            throw SsoError(
                .samlIssuerMismatch,
                "the \(owner) Issuer \"\(value.prefix(200))\" is not the IdP \"\(configuration.idpEntityID)\"")
        }
        if let format = issuer.attribute("Format"),
            !format.bytesEqual("urn:oasis:names:tc:SAML:2.0:nameid-format:entity")
        {
            throw SsoError(.samlIssuerMismatch, "the \(owner) Issuer Format is not entity")
        }
    }

    /// `IssueInstant` must be a valid time, not in the future and not older than the policy allows.
    func checkIssueInstant(_ text: String?, of owner: String) throws(SsoError) {
        let instant = try time(text, "\(owner) IssueInstant")
        guard instant <= now.addingTimeInterval(policy.clockSkew) else {
            throw SsoError(.samlIssueInstantInFuture, "the \(owner) IssueInstant lies in the future")
        }
        guard now.timeIntervalSince(instant) <= policy.maxIssueInstantAge + policy.clockSkew else {
            throw SsoError(
                .samlIssueInstantTooOld, "the \(owner) was issued more than \(Int(policy.maxIssueInstantAge)) s ago")
        }
    }

    /// Parses a required timestamp.
    func time(_ text: String?, _ what: String) throws(SsoError) -> Date {
        guard let text else {
            throw SsoError(.samlStructureMissingElement, "\(what) is missing")
        }
        guard let date = SAMLDateTime.parse(text) else {
            throw SsoError(.samlStructureInvalidTime, "\(what) is not a valid UTC dateTime")
        }
        return date
    }
}
