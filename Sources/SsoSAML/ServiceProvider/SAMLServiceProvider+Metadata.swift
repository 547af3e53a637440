import SsoCore

extension SAMLServiceProvider {
    /// This SP's metadata: an `EntityDescriptor` with one `SPSSODescriptor` declaring the ACS URL
    /// (HTTP-POST), the signing and encryption certificates, the NameID format and Single Logout.
    ///
    /// `AuthnRequestsSigned` is `true` when a signing certificate is configured;
    /// `WantAssertionsSigned` is always `true`. All values are XML-escaped.
    public func metadataXML() -> String {
        let e = SAMLXMLEscaping.escape
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<md:EntityDescriptor xmlns:md=\"\(SAMLNamespace.metadata)\" entityID=\"\(e(entityID))\">\n"
        xml +=
            "  <md:SPSSODescriptor AuthnRequestsSigned=\"\(signingCertificate != nil)\" WantAssertionsSigned=\"true\""
        xml += " protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">\n"
        if let signingCertificate {
            xml += Self.keyDescriptor(use: "signing", certificate: signingCertificate)
        }
        if let encryptionCertificate {
            xml += Self.keyDescriptor(use: "encryption", certificate: encryptionCertificate)
        }
        if let singleLogoutURL {
            xml +=
                "    <md:SingleLogoutService Binding=\"\(SAMLBinding.httpRedirect)\" Location=\"\(e(singleLogoutURL))\"/>\n"
        }
        if let nameIDFormat {
            xml += "    <md:NameIDFormat>\(e(nameIDFormat))</md:NameIDFormat>\n"
        }
        xml += "    <md:AssertionConsumerService Binding=\"\(SAMLBinding.httpPost)\" Location=\"\(e(acsURL))\""
        xml += " index=\"0\" isDefault=\"true\"/>\n"
        xml += "  </md:SPSSODescriptor>\n"
        xml += "</md:EntityDescriptor>\n"
        return xml
    }

    private static func keyDescriptor(use: String, certificate: SAMLCertificate) -> String {
        var xml = "    <md:KeyDescriptor use=\"\(use)\">\n"
        xml += "      <ds:KeyInfo xmlns:ds=\"\(SAMLNamespace.xmlDSig)\"><ds:X509Data><ds:X509Certificate>"
        xml += Base64.encode(certificate.derBytes)
        xml += "</ds:X509Certificate></ds:X509Data></ds:KeyInfo>\n"
        if use == "encryption" {
            xml += "      <md:EncryptionMethod Algorithm=\"http://www.w3.org/2009/xmlenc11#aes256-gcm\"/>\n"
            xml += "      <md:EncryptionMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#aes256-cbc\"/>\n"
            xml += "      <md:EncryptionMethod Algorithm=\"http://www.w3.org/2009/xmlenc11#rsa-oaep\"/>\n"
            xml += "      <md:EncryptionMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p\"/>\n"
        }
        xml += "    </md:KeyDescriptor>\n"
        return xml
    }
}
