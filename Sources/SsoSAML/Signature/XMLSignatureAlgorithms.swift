/// The XML Signature algorithm URIs this SP knows, and which of them a policy allows.
///
/// The same allow-list is enforced twice: here, on the URIs of the Signature (clear error codes),
/// and inside xmlsec, whose signature context only has these transforms enabled.
package enum XMLSignatureAlgorithms {
    static let canonicalizations: Set<String> = [
        "http://www.w3.org/2001/10/xml-exc-c14n#",
        "http://www.w3.org/2001/10/xml-exc-c14n#WithComments",
        "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
        "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments",
        "http://www.w3.org/2006/12/xml-c14n11",
        "http://www.w3.org/2006/12/xml-c14n11#WithComments",
    ]
    static let enveloped = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"

    static let signatureMethods: Set<String> = [
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
        "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
        "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384",
        "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512",
    ]
    static let sha1SignatureMethods: Set<String> = [
        "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
        "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1",
    ]
    static let digestMethods: Set<String> = [
        "http://www.w3.org/2001/04/xmlenc#sha256",
        "http://www.w3.org/2001/04/xmldsig-more#sha384",
        "http://www.w3.org/2001/04/xmlenc#sha512",
    ]
    static let sha1DigestMethods: Set<String> = ["http://www.w3.org/2000/09/xmldsig#sha1"]

    /// Whether `uri` is an allowed SignatureMethod.
    static func allowsSignatureMethod(_ uri: String, allowSHA1: Bool) -> Bool {
        signatureMethods.containsBytes(of: uri) || (allowSHA1 && sha1SignatureMethods.containsBytes(of: uri))
    }

    /// Whether `uri` is an allowed DigestMethod.
    static func allowsDigestMethod(_ uri: String, allowSHA1: Bool) -> Bool {
        digestMethods.containsBytes(of: uri) || (allowSHA1 && sha1DigestMethods.containsBytes(of: uri))
    }

    /// Whether `uri` is an allowed Reference transform.
    static func allowsReferenceTransform(_ uri: String) -> Bool {
        uri.bytesEqual(enveloped) || canonicalizations.containsBytes(of: uri)
    }
}
