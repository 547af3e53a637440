import SsoCore

extension AuthnRequest {
    /// This request with an enveloped XML signature (HTTP-POST binding, SAML core §5): the
    /// `ds:Signature` right after `Issuer`, one Reference to `#ID`, enveloped-signature + exclusive
    /// C14N transforms, RSA-SHA256 over a SHA-256 digest; with `certificate`, `KeyInfo/X509Data`
    /// carries it.
    /// - Throws: `saml.request.invalid_setting` when `certificate` does not hold the key's public
    ///   half; `saml.request.encoding_failed` when xmlsec fails. Never with key material.
    func signed(with key: SAMLRequestSigningKey, certificate: SAMLCertificate?) throws(SsoError) -> AuthnRequest {
        if let certificate, !key.matches(certificate) {
            throw SsoError(
                .samlRequestInvalidSetting,
                "the signing certificate \(certificate.sha256Fingerprint) does not hold the request signing key's public key"
            )
        }
        let template = XMLEnvelopedSigner.template(referenceID: id, includeKeyInfo: certificate != nil)
        let signer = XMLEnvelopedSigner(keyPEM: key.pemForXMLSec, certificateDER: certificate?.derBytes)
        let document = try signer.sign(unsignedXML(signatureTemplate: template), ids: [id])
        var copy = self
        copy.signedXML = Self.withoutXMLDeclaration(document)
        return copy
    }

    /// `xml` without a leading `<?xml …?>` declaration and the line break after it.
    private static func withoutXMLDeclaration(_ xml: String) -> String {
        guard xml.hasPrefix("<?xml"), let end = xml.range(of: "?>") else { return xml }
        var rest = xml[end.upperBound...]
        while let first = rest.first, first.isNewline { rest = rest.dropFirst() }
        // A serializer's trailing line break is not part of the element.
        while let last = rest.last, last.isNewline { rest = rest.dropLast() }
        return String(rest)
    }
}
