import SsoCore
import SsoSAML

extension TestSAMLIdentityProvider {
    /// Reads the AuthnRequest an SP posted with the HTTP-POST binding: `postedSAMLRequest` is the
    /// base64 `SAMLRequest` form value, `relayState` the `RelayState` one.
    ///
    /// The rules of ``receive(redirectURL:)`` hold for POST: an unsigned request is refused when
    /// ``wantAuthnRequestsSigned`` is `true`, and a signed one must verify with
    /// ``spSigningCertificate`` when it is set. Verification is SsoSAML's own (xmlsec, a reference
    /// to the request's own `ID`, allowed transforms and algorithms only), and the fields are read
    /// from the signed bytes. As the schema says, `ds:Signature` must follow `Issuer`.
    /// - Throws: `saml.input.invalid` and `saml.xml.*` for a value that is not an AuthnRequest;
    ///   `saml.signature.*` for a request this IdP will not take.
    public func receive(postedSAMLRequest: String, relayState: String?) throws(SsoError) -> ReceivedRequest {
        guard let bytes = try? Base64.decode(postedSAMLRequest, allowWhitespace: true) else {
            throw SsoError(.samlInputInvalid, "the SAMLRequest form value is not base64")
        }
        var root = try HardenedXMLParser.parse(bytes).root
        guard root.is(SAMLNamespace.protocol, "AuthnRequest") else {
            throw SsoError(.samlInputInvalid, "the SAMLRequest is not an AuthnRequest")
        }
        var verified = false
        if root.children(SAMLNamespace.xmlDSig, "Signature").isEmpty {
            if wantAuthnRequestsSigned {
                throw SsoError(.samlSignatureMissing, "this IdP wants signed AuthnRequests")
            }
        } else {
            let children = root.children
            guard children.count >= 2, children[0].is(SAMLNamespace.assertion, "Issuer"),
                children[1].is(SAMLNamespace.xmlDSig, "Signature")
            else {
                throw SsoError(.samlInputInvalid, "the AuthnRequest's Signature must come right after its Issuer")
            }
            if let certificate = spSigningCertificate {
                root = try verifiedRequest(root, certificate: certificate)
                verified = true
            }
        }
        return try ReceivedRequest(reading: root, relayState: relayState, signatureVerified: verified)
    }

    /// The AuthnRequest as signed (re-read from the bytes xmlsec digested), once its signature
    /// verifies with `certificate`.
    private func verifiedRequest(_ root: SAMLXMLElement, certificate: SAMLCertificate) throws(SsoError)
        -> SAMLXMLElement
    {
        try XMLSignatureVerifier.registerIDs(of: [root])
        let options = XMLSignatureVerifier.Options(
            allowSHA1: false, minRSABits: 2048, enforceCertificateValidity: true, now: now,
            limits: HardenedXMLParser.Limits())
        let keys = try SAMLSigningKeySet(certificates: [certificate])
        return try XMLSignatureVerifier.verify(root, keys: keys, options: options).root
    }
}
