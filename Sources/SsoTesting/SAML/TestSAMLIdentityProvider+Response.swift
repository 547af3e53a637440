import Foundation
import SsoCore
import SsoSAML

extension TestSAMLIdentityProvider {
    /// An AuthnRequest as the test IdP received it.
    public struct ReceivedRequest: Sendable, Hashable {
        /// The request `ID` (the response's `InResponseTo`).
        public var id: String
        /// The SP entity id (`Issuer`): the audience of the response.
        public var issuer: String
        /// Where the response must be posted.
        public var assertionConsumerServiceURL: String
        /// The `RelayState` the SP sent, to post back unchanged.
        public var relayState: String?
        /// Whether the query (Redirect) or the request (POST) carried a signature this IdP verified
        /// with ``spSigningCertificate``.
        public var signatureVerified: Bool

        /// A request built by hand rather than received, for a response to a request the IdP never
        /// read (IdP-initiated logins use one with an empty `id`).
        public init(
            id: String, issuer: String, assertionConsumerServiceURL: String, relayState: String? = nil,
            signatureVerified: Bool = false
        ) {
            self.id = id
            self.issuer = issuer
            self.assertionConsumerServiceURL = assertionConsumerServiceURL
            self.relayState = relayState
            self.signatureVerified = signatureVerified
        }

        /// The fields of an `AuthnRequest` element.
        init(reading root: SAMLXMLElement, relayState: String?, signatureVerified: Bool) throws(SsoError) {
            guard let id = root.attribute("ID"), let acs = root.attribute("AssertionConsumerServiceURL"),
                let issuer = root.firstChild(SAMLNamespace.assertion, "Issuer")?.textContent
            else {
                throw SsoError(.samlInputInvalid, "the SAMLRequest is not an AuthnRequest with ID, Issuer and ACS URL")
            }
            self.init(
                id: id, issuer: issuer, assertionConsumerServiceURL: acs, relayState: relayState,
                signatureVerified: signatureVerified)
        }
    }

    /// Knobs for tests, including deliberately wrong responses. The defaults give a valid response.
    public struct ResponseOptions: Sendable, Hashable {
        /// Sign the Assertion (default `true`).
        public var signAssertion: Bool
        /// Sign the Response (default `false`, as Entra ID does).
        public var signResponse: Bool
        /// The audience to put in the assertion instead of the request's issuer.
        public var audienceOverride: String?
        /// The Destination/Recipient to use instead of the request's ACS URL.
        public var destinationOverride: String?
        /// Move every time stamp this many seconds into the past (an expired response when it
        /// exceeds the assertion lifetime).
        public var ageSeconds: TimeInterval
        /// The assertion lifetime (`NotOnOrAfter` of the conditions). Default 300 s.
        public var lifetimeSeconds: TimeInterval
        /// Omit `InResponseTo` (an IdP-initiated response).
        public var unsolicited: Bool
        /// Encrypt the (signed) assertion to this SP certificate: an `EncryptedAssertion`
        /// (AES-256-GCM, RSA-OAEP). Default `nil`: a plain assertion.
        public var encryptFor: SAMLCertificate?

        /// Options with the defaults given on each property: a valid, signed, unencrypted response.
        public init(
            signAssertion: Bool = true, signResponse: Bool = false, audienceOverride: String? = nil,
            destinationOverride: String? = nil, ageSeconds: TimeInterval = 0, lifetimeSeconds: TimeInterval = 300,
            unsolicited: Bool = false, encryptFor: SAMLCertificate? = nil
        ) {
            self.signAssertion = signAssertion
            self.signResponse = signResponse
            self.audienceOverride = audienceOverride
            self.destinationOverride = destinationOverride
            self.ageSeconds = ageSeconds
            self.lifetimeSeconds = lifetimeSeconds
            self.unsolicited = unsolicited
            self.encryptFor = encryptFor
        }

        /// An assertion for someone else: the audience is not the SP.
        public static let wrongAudience = ResponseOptions(audienceOverride: "https://other-sp.example/metadata")
        /// A response issued an hour ago, long expired.
        public static let expired = ResponseOptions(ageSeconds: 3600)
        /// Nothing signed: every SP must refuse it.
        public static let unsigned = ResponseOptions(signAssertion: false, signResponse: false)
    }

    /// Reads the AuthnRequest from the Redirect-binding URL an SP sent the browser to.
    ///
    /// A query signature is verified with ``spSigningCertificate`` when one is set; an unsigned
    /// request is refused when ``wantAuthnRequestsSigned`` is `true`.
    /// - Throws: `saml.input.invalid` and `saml.xml.*` for a URL without a valid `SAMLRequest`;
    ///   `saml.signature.missing` / `saml.signature.invalid` for a request this IdP will not take.
    public func receive(redirectURL: String) throws(SsoError) -> ReceivedRequest {
        guard let components = URLComponents(string: redirectURL),
            let encoded = components.queryItems?.first(where: { $0.name == "SAMLRequest" })?.value
        else {
            throw SsoError(.samlInputInvalid, "the URL has no SAMLRequest parameter")
        }
        let relayState = components.queryItems?.first(where: { $0.name == "RelayState" })?.value
        let signatureVerified = try checkRequestSignature(rawQuery: components.percentEncodedQuery ?? "")
        let xml = try RawDeflate.decompress(try Base64.decode(encoded))
        let root = try HardenedXMLParser.parse(xml).root
        guard root.is(SAMLNamespace.protocol, "AuthnRequest") else {
            throw SsoError(.samlInputInvalid, "the SAMLRequest is not an AuthnRequest")
        }
        return try ReceivedRequest(reading: root, relayState: relayState, signatureVerified: signatureVerified)
    }

    /// A signed `Response` (XML text) answering `request` for `user`.
    public func response(
        to request: ReceivedRequest, user: TestSAMLUser, options: ResponseOptions = ResponseOptions()
    ) throws(SsoError) -> String {
        let e = SAMLXMLEscaping.escape
        let responseID = newID()
        let assertionID = newID()
        let issued = now.addingTimeInterval(-options.ageSeconds)
        let time = { (offset: TimeInterval) in Timestamp.format(issued.addingTimeInterval(offset)) }
        let destination = options.destinationOverride ?? request.assertionConsumerServiceURL
        let audience = options.audienceOverride ?? request.issuer
        let inResponseTo = options.unsolicited ? "" : " InResponseTo=\"\(e(request.id))\""
        var attributes = ""
        for name in user.attributes.keys.sorted() {
            attributes +=
                "<saml:Attribute Name=\"\(e(name))\" NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified\">"
            for value in user.attributes[name] ?? [] {
                attributes += "<saml:AttributeValue>\(e(value))</saml:AttributeValue>"
            }
            attributes += "</saml:Attribute>"
        }
        // An assertion to be encrypted is serialized on its own, so it declares its namespace.
        let declaration = options.encryptFor == nil ? "" : " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\""
        var assertion =
            "<saml:Assertion\(declaration) ID=\"\(assertionID)\" IssueInstant=\"\(time(0))\" Version=\"2.0\">"
        assertion += "<saml:Issuer>\(e(entityID))</saml:Issuer>"
        if options.signAssertion { assertion += XMLSecEnvelopedSigner.template(referenceID: assertionID) }
        assertion += "<saml:Subject><saml:NameID Format=\"\(e(user.nameIDFormat))\">\(e(user.nameID))</saml:NameID>"
        assertion += "<saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">"
        assertion += "<saml:SubjectConfirmationData\(inResponseTo) NotOnOrAfter=\"\(time(options.lifetimeSeconds))\""
        assertion += " Recipient=\"\(e(destination))\"/></saml:SubjectConfirmation></saml:Subject>"
        assertion += "<saml:Conditions NotBefore=\"\(time(-60))\" NotOnOrAfter=\"\(time(options.lifetimeSeconds))\">"
        assertion +=
            "<saml:AudienceRestriction><saml:Audience>\(e(audience))</saml:Audience></saml:AudienceRestriction>"
        assertion += "</saml:Conditions>"
        assertion += "<saml:AuthnStatement AuthnInstant=\"\(time(0))\" SessionIndex=\"\(assertionID)\""
        assertion += " SessionNotOnOrAfter=\"\(time(8 * 3600))\"><saml:AuthnContext><saml:AuthnContextClassRef>"
        assertion += "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef>"
        assertion += "</saml:AuthnContext></saml:AuthnStatement>"
        if !attributes.isEmpty { assertion += "<saml:AttributeStatement>\(attributes)</saml:AttributeStatement>" }
        assertion += "</saml:Assertion>"
        var ids: [String] = []
        if let certificate = options.encryptFor {
            if options.signAssertion { assertion = Self.withoutXMLDeclaration(try sign(assertion, ids: [assertionID])) }
            assertion = try encryptedAssertion(assertion, to: certificate)
        } else if options.signAssertion {
            ids.append(assertionID)
        }

        var xml = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
        xml += " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"\(responseID)\" Version=\"2.0\""
        xml += " IssueInstant=\"\(time(0))\" Destination=\"\(e(destination))\"\(inResponseTo)>"
        xml += "<saml:Issuer>\(e(entityID))</saml:Issuer>"
        if options.signResponse { xml += XMLSecEnvelopedSigner.template(referenceID: responseID) }
        xml += "<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status>"
        xml += assertion + "</samlp:Response>"

        if options.signResponse { ids.append(responseID) }
        return ids.isEmpty ? xml : try sign(xml, ids: ids)
    }

    /// The same response, base64-encoded as the `SAMLResponse` form field of the HTTP-POST binding.
    public func responseBase64(
        to request: ReceivedRequest, user: TestSAMLUser, options: ResponseOptions = ResponseOptions()
    ) throws(SsoError) -> String {
        Base64.encode(Array(try response(to: request, user: user, options: options).utf8))
    }

    /// `xml` without a leading `<?xml …?>` declaration.
    static func withoutXMLDeclaration(_ xml: String) -> String {
        guard xml.hasPrefix("<?xml"), let end = xml.range(of: "?>") else { return xml }
        return String(xml[end.upperBound...].drop(while: { $0 == "\n" || $0 == "\r" || $0 == " " }))
    }
}
