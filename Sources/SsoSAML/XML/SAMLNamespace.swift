/// The namespace URIs that SAML 2.0 Web SSO documents use.
package enum SAMLNamespace {
    /// SAML 2.0 protocol (`samlp:`): `Response`, `Status`, `AuthnRequest`.
    package static let `protocol` = "urn:oasis:names:tc:SAML:2.0:protocol"
    /// SAML 2.0 assertion (`saml:`): `Assertion`, `Issuer`, `Subject`, `Conditions`.
    package static let assertion = "urn:oasis:names:tc:SAML:2.0:assertion"
    /// SAML 2.0 metadata (`md:`).
    package static let metadata = "urn:oasis:names:tc:SAML:2.0:metadata"
    /// XML Signature (`ds:`).
    package static let xmlDSig = "http://www.w3.org/2000/09/xmldsig#"
    /// XML Encryption (`xenc:`).
    package static let xmlEnc = "http://www.w3.org/2001/04/xmlenc#"
    /// XML Encryption 1.1 (`xenc11:`).
    package static let xmlEnc11 = "http://www.w3.org/2009/xmlenc11#"
    /// The `xml:` prefix namespace (`xml:id`, `xml:lang`).
    package static let xml = "http://www.w3.org/XML/1998/namespace"
    /// XML Schema instance (`xsi:type`).
    package static let xmlSchemaInstance = "http://www.w3.org/2001/XMLSchema-instance"
}
