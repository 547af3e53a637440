/// The namespace URIs that SAML 2.0 Web SSO documents use.
public enum SAMLNamespace {
    /// SAML 2.0 protocol (`samlp:`): `Response`, `Status`, `AuthnRequest`.
    public static let `protocol` = "urn:oasis:names:tc:SAML:2.0:protocol"
    /// SAML 2.0 assertion (`saml:`): `Assertion`, `Issuer`, `Subject`, `Conditions`.
    public static let assertion = "urn:oasis:names:tc:SAML:2.0:assertion"
    /// SAML 2.0 metadata (`md:`).
    public static let metadata = "urn:oasis:names:tc:SAML:2.0:metadata"
    /// XML Signature (`ds:`).
    public static let xmlDSig = "http://www.w3.org/2000/09/xmldsig#"
    /// XML Encryption (`xenc:`).
    public static let xmlEnc = "http://www.w3.org/2001/04/xmlenc#"
    /// XML Encryption 1.1 (`xenc11:`).
    public static let xmlEnc11 = "http://www.w3.org/2009/xmlenc11#"
    /// The `xml:` prefix namespace (`xml:id`, `xml:lang`).
    public static let xml = "http://www.w3.org/XML/1998/namespace"
    /// XML Schema instance (`xsi:type`).
    public static let xmlSchemaInstance = "http://www.w3.org/2001/XMLSchema-instance"
}
