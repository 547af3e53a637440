import Foundation
import SsoCore
import SsoSAML

/// Builds SAML Responses field by field for tests, including deliberately wrong ones, and signs
/// them with libxmlsec1 (the signer of ``TestSAMLIdentityProvider``) or encrypts their assertion
/// (``TestSAMLEncryption``).
///
/// The defaults describe one valid response, at ``now``, from ``idpEntityID`` to
/// ``spEntityID``/``acsURL``, answering ``requestID``; change any field to test a rule.
///
/// ```swift
/// var builder = TestSAMLResponseBuilder()
/// builder.audience = "https://other-sp.example"
/// let xml = try builder.signed(.assertion, key: idpKeyPair)   // the Response, signed as asked
/// ```
///
/// - Warning: test tooling: every field, including signature and digest algorithms, is the
///   caller's to choose.
public struct TestSAMLResponseBuilder: Sendable {
    /// The time the default timestamps are relative to: 2026-01-15T10:00:00Z.
    public static let now = Date(timeIntervalSince1970: 1_768_471_200)
    /// The default IdP entity id (both `Issuer`s).
    public static let idpEntityID = "https://idp.example.com/saml"
    /// The default SP entity id (the audience).
    public static let spEntityID = "https://sp.example.com/saml/metadata"
    /// The default ACS URL (`Destination` and bearer `Recipient`).
    public static let acsURL = "https://sp.example.com/saml/acs"
    /// The default AuthnRequest ID answered (`InResponseTo`).
    public static let requestID = "_req-4f1c"

    /// What ``signed(_:key:)`` signs.
    public enum Signing: Sendable, Hashable {
        /// Nothing.
        case none
        /// The Response only.
        case response
        /// The Assertion only.
        case assertion
        /// The Assertion, then the Response around it.
        case both
    }

    /// The Response `ID`.
    public var responseID = "_resp-8a7d"
    /// The Assertion `ID` (also its signature's reference).
    public var assertionID = "_assert-2b9e"
    /// The Response `Issuer`.
    public var issuer = idpEntityID
    /// The Assertion `Issuer`.
    public var assertionIssuer = idpEntityID
    /// The Response `Destination`; `nil` omits it.
    public var destination: String? = acsURL
    /// The Response `InResponseTo`; `nil` omits it.
    public var inResponseTo: String? = requestID
    /// The bearer `SubjectConfirmationData` `InResponseTo`; `nil` omits it.
    public var confirmationInResponseTo: String? = requestID
    /// The bearer `SubjectConfirmationData` `Recipient`.
    public var recipient = acsURL
    /// The one `Audience` of the `AudienceRestriction`.
    public var audience = spEntityID
    /// The top-level `StatusCode` value.
    public var status = "urn:oasis:names:tc:SAML:2.0:status:Success"
    /// The `NameID` value.
    public var nameID = "alice@example.com"
    /// The `NameID` `Format`.
    public var nameIDFormat = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"
    /// `IssueInstant` of the Response and the Assertion, and the `AuthnInstant`.
    public var issueInstant = now.addingTimeInterval(-5)
    /// `Conditions` `NotBefore`.
    public var notBefore = now.addingTimeInterval(-60)
    /// `Conditions` `NotOnOrAfter`.
    public var notOnOrAfter = now.addingTimeInterval(300)
    /// Bearer `SubjectConfirmationData` `NotOnOrAfter`.
    public var confirmationNotOnOrAfter = now.addingTimeInterval(300)
    /// `AuthnStatement` `SessionNotOnOrAfter`.
    public var sessionNotOnOrAfter = now.addingTimeInterval(8 * 3600)
    /// The attributes, in order: name → values (written as given, not escaped).
    public var attributes: [(String, [String])] = [
        ("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", ["alice@example.com"]),
        ("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", ["Alice Example"]),
        ("http://schemas.microsoft.com/ws/2008/06/identity/claims/groups", ["admins", "staff"]),
    ]
    /// The `SignatureMethod` of the signature templates.
    public var signatureMethod = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
    /// The `DigestMethod` of the signature templates.
    public var digestMethod = "http://www.w3.org/2001/04/xmlenc#sha256"
    /// Extra XML placed inside the Assertion after the AttributeStatement (e.g. Advice).
    public var assertionExtra = ""

    /// A builder with the defaults above.
    public init() {}

    static func time(_ date: Date) -> String { Timestamp.format(date) }

    /// An empty enveloped-signature template (exclusive C14N, ``signatureMethod``,
    /// ``digestMethod``, an empty `X509Certificate`) for the element whose `ID` is `id`.
    public func signatureTemplate(for id: String) -> String {
        """
        <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo>\
        <ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>\
        <ds:SignatureMethod Algorithm="\(signatureMethod)"/><ds:Reference URI="#\(id)"><ds:Transforms>\
        <ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>\
        <ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms>\
        <ds:DigestMethod Algorithm="\(digestMethod)"/><ds:DigestValue></ds:DigestValue></ds:Reference></ds:SignedInfo>\
        <ds:SignatureValue></ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate></ds:X509Certificate>\
        </ds:X509Data></ds:KeyInfo></ds:Signature>
        """
    }

    /// The Assertion (declaring its `saml` prefix), with a signature template when asked.
    public func assertionXML(signatureTemplate: Bool) -> String {
        let t = Self.time
        let attributeXML = attributes.map { name, values in
            "<saml:Attribute Name=\"\(name)\" NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:uri\">"
                + values.map {
                    "<saml:AttributeValue xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"xs:string\">\($0)</saml:AttributeValue>"
                }.joined()
                + "</saml:Attribute>"
        }.joined()
        let irt = confirmationInResponseTo.map { " InResponseTo=\"\($0)\"" } ?? ""
        return """
            <saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="\(assertionID)" Version="2.0" \
            IssueInstant="\(t(issueInstant))"><saml:Issuer>\(assertionIssuer)</saml:Issuer>\
            \(signatureTemplate ? self.signatureTemplate(for: assertionID) : "")\
            <saml:Subject><saml:NameID Format="\(nameIDFormat)">\(nameID)</saml:NameID>\
            <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">\
            <saml:SubjectConfirmationData\(irt) NotOnOrAfter="\(t(confirmationNotOnOrAfter))" Recipient="\(recipient)"/>\
            </saml:SubjectConfirmation></saml:Subject>\
            <saml:Conditions NotBefore="\(t(notBefore))" NotOnOrAfter="\(t(notOnOrAfter))"><saml:AudienceRestriction>\
            <saml:Audience>\(audience)</saml:Audience></saml:AudienceRestriction></saml:Conditions>\
            <saml:AuthnStatement AuthnInstant="\(t(issueInstant))" SessionIndex="_session-77" \
            SessionNotOnOrAfter="\(t(sessionNotOnOrAfter))"><saml:AuthnContext><saml:AuthnContextClassRef>\
            urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef>\
            </saml:AuthnContext></saml:AuthnStatement>\
            <saml:AttributeStatement>\(attributeXML)</saml:AttributeStatement>\(assertionExtra)</saml:Assertion>
            """
    }

    /// The Response (with an XML declaration) holding `assertion` (already XML) as its assertion
    /// child, with a signature template when asked.
    public func responseXML(assertion: String, signatureTemplate: Bool) -> String {
        let destinationAttribute = destination.map { " Destination=\"\($0)\"" } ?? ""
        let irt = inResponseTo.map { " InResponseTo=\"\($0)\"" } ?? ""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="\(responseID)" Version="2.0" \
            IssueInstant="\(Self.time(issueInstant))"\(destinationAttribute)\(irt)>\
            <saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">\(issuer)</saml:Issuer>\
            \(signatureTemplate ? self.signatureTemplate(for: responseID) : "")\
            <samlp:Status><samlp:StatusCode Value="\(status)"/></samlp:Status>\(assertion)</samlp:Response>
            """
    }

    /// The Response, signed as asked by `key` (enveloped signatures; the certificate in `KeyInfo`).
    /// - Throws: `testing.saml_idp_failed` when xmlsec cannot sign (a bad key, duplicate IDs).
    public func signed(_ signing: Signing, key: TestSAMLKeyPair) throws(SsoError) -> String {
        let signAssertion = signing == .assertion || signing == .both
        let signResponse = signing == .response || signing == .both
        let xml = responseXML(
            assertion: assertionXML(signatureTemplate: signAssertion), signatureTemplate: signResponse)
        let ids = (signAssertion ? [assertionID] : []) + (signResponse ? [responseID] : [])
        return ids.isEmpty ? xml : try Self.signer(key).sign(xml, ids: ids)
    }

    /// The Response with an `EncryptedAssertion` for `sp` (the assertion signed or not inside),
    /// optionally with a signed Response around it.
    public func encrypted(
        signAssertion: Bool, signResponse: Bool, key: TestSAMLKeyPair, sp: TestSAMLKeyPair,
        content: TestSAMLEncryption.Content = .aes256CBC, keyTransport: TestSAMLEncryption.KeyTransport = .rsaOAEP
    ) throws(SsoError) -> String {
        var plain = responseXML(assertion: assertionXML(signatureTemplate: signAssertion), signatureTemplate: false)
        if signAssertion { plain = try Self.signer(key).sign(plain, ids: [assertionID]) }
        let wrapped = plain.replacingOccurrences(
            of: "<saml:Assertion ",
            with: "<saml:EncryptedAssertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"><saml:Assertion "
        )
        .replacingOccurrences(of: "</saml:Assertion>", with: "</saml:Assertion></saml:EncryptedAssertion>")
        var xml = try TestSAMLEncryption.encrypt(
            element: "Assertion", in: wrapped, to: sp, content: content, keyTransport: keyTransport)
        if signResponse {
            let marker = "</saml:Issuer>"
            guard let range = xml.range(of: marker) else {
                throw SsoError(.testingSAMLIdPFailed, "the Response has no Issuer")
            }
            xml = xml.replacingCharacters(in: range, with: marker + signatureTemplate(for: responseID))
            xml = try Self.signer(key).sign(xml, ids: [responseID])
        }
        return xml
    }

    /// Signs the first `ds:Signature` template of `xml` in document order with `key` (its parent
    /// must carry the `ID` the template's reference names): for responses assembled by hand.
    public static func sign(_ xml: String, key: TestSAMLKeyPair) throws(SsoError) -> String {
        try signer(key).signFirstTemplate(xml)
    }

    private static func signer(_ key: TestSAMLKeyPair) -> XMLSecEnvelopedSigner {
        XMLSecEnvelopedSigner(keyPEM: key.keyPEM, certificatePEM: key.certificatePEM)
    }
}
