import Foundation
import SsoCore

/// A SAML 2.0 `AuthnRequest` this SP sends to an IdP.
///
/// Its ``id`` (`_` + 160 random bits from the injected ``/SsoCore/RandomSource``) must be stored, single
/// use with a short TTL, and compared with the response's `InResponseTo`.
public struct AuthnRequest: Sendable, Hashable {
    /// Optional parts of the request.
    public struct Options: Sendable, Hashable {
        /// The `NameIDPolicy` `Format` to ask for; `nil` takes the SP's ``SAMLServiceProvider/nameIDFormat``.
        public var nameIDFormat: String?
        /// Whether to send a `NameIDPolicy` at all (with `AllowCreate="true"`). Default `true`
        /// when a format is known.
        public var sendNameIDPolicy: Bool
        /// `ForceAuthn`: the IdP must authenticate the user again. Default `false`.
        public var forceAuthn: Bool
        /// `IsPassive`: the IdP must not interact with the user. Default `false`.
        public var isPassive: Bool

        /// Options with the defaults given on each property.
        public init(
            nameIDFormat: String? = nil, sendNameIDPolicy: Bool = true, forceAuthn: Bool = false,
            isPassive: Bool = false
        ) {
            self.nameIDFormat = nameIDFormat
            self.sendNameIDPolicy = sendNameIDPolicy
            self.forceAuthn = forceAuthn
            self.isPassive = isPassive
        }
    }

    /// The request ID, to match the response's `InResponseTo`.
    public let id: String
    /// When the request was issued (from the injected clock).
    public let issueInstant: Date
    /// The IdP endpoint the request is sent to.
    public let destination: String
    /// The SP entity id (`Issuer`).
    public let issuer: String
    /// Where the IdP must post the response.
    public let assertionConsumerServiceURL: String
    /// The binding of the response: always HTTP-POST.
    public let protocolBinding: String
    /// The `NameIDPolicy` format, when one is sent.
    public let nameIDFormat: String?
    /// `ForceAuthn`.
    public let forceAuthn: Bool
    /// `IsPassive`.
    public let isPassive: Bool
    /// The enveloped-signed XML, once signed (see ``isSigned``).
    var signedXML: String?

    /// Random bytes in a request ID.
    package static let idRandomBytes = 20

    /// Creates a request to `destination` (an IdP `SingleSignOnService` location).
    ///
    /// - Throws: `saml.request.invalid_setting` for a bad destination or NameID format.
    package init(
        serviceProvider: SAMLServiceProvider,
        destination: String,
        clock: any SsoClock,
        random: any RandomSource,
        options: Options = Options()
    ) throws(SsoError) {
        try SAMLXMLEscaping.checkURL(destination, name: "the IdP SSO URL")
        let format = options.sendNameIDPolicy ? (options.nameIDFormat ?? serviceProvider.nameIDFormat) : nil
        if let format { try SAMLXMLEscaping.checkSetting(format, name: "the NameID format") }
        let bytes = random.bytes(Self.idRandomBytes)
        guard bytes.count == Self.idRandomBytes else {
            throw SsoError(.samlRequestEncodingFailed, "the random source returned too few bytes")
        }
        let digits = Array("0123456789abcdef".utf8)
        var id: [UInt8] = [UInt8(ascii: "_")]
        for byte in bytes {
            id.append(digits[Int(byte >> 4)])
            id.append(digits[Int(byte & 0x0F)])
        }
        self.id = String(decoding: id, as: UTF8.self)
        self.issueInstant = clock.now
        self.destination = destination
        self.issuer = serviceProvider.entityID
        self.assertionConsumerServiceURL = serviceProvider.acsURL
        self.protocolBinding = SAMLBinding.httpPost
        self.nameIDFormat = format
        self.forceAuthn = options.forceAuthn
        self.isPassive = options.isPassive
        self.signedXML = nil
    }

    /// Whether ``xml`` carries an enveloped XML signature (HTTP-POST binding; the Redirect
    /// binding signs the query string instead and ignores it).
    public var isSigned: Bool { signedXML != nil }

    /// The request as XML (UTF-8, no XML declaration): the signed XML when ``isSigned``.
    public var xml: String { signedXML ?? unsignedXML() }

    /// The unsigned XML, with `signatureTemplate` right after `Issuer`, where the schema puts `ds:Signature`.
    func unsignedXML(signatureTemplate: String = "") -> String {
        let e = SAMLXMLEscaping.escape
        var xml =
            "<samlp:AuthnRequest xmlns:samlp=\"\(SAMLNamespace.protocol)\" xmlns:saml=\"\(SAMLNamespace.assertion)\""
        xml += " ID=\"\(e(id))\" Version=\"2.0\" IssueInstant=\"\(Timestamp.format(issueInstant))\""
        xml += " Destination=\"\(e(destination))\" AssertionConsumerServiceURL=\"\(e(assertionConsumerServiceURL))\""
        xml += " ProtocolBinding=\"\(e(protocolBinding))\""
        if forceAuthn { xml += " ForceAuthn=\"true\"" }
        if isPassive { xml += " IsPassive=\"true\"" }
        xml += "><saml:Issuer>\(e(issuer))</saml:Issuer>" + signatureTemplate
        if let nameIDFormat {
            xml += "<samlp:NameIDPolicy Format=\"\(e(nameIDFormat))\" AllowCreate=\"true\"/>"
        }
        xml += "</samlp:AuthnRequest>"
        return xml
    }
}
