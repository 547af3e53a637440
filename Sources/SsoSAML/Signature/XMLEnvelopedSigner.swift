import CXMLSec
import SsoCore

/// Signs XML we generated with enveloped XML Signatures through libxmlsec1: exclusive C14N,
/// RSA-SHA256 and a SHA-256 digest, one same-document Reference per signed element.
///
/// The XML must already hold a ``template(referenceID:includeKeyInfo:)`` as a direct child of
/// each element to sign, where its schema puts `ds:Signature`. Parsing uses the hardened parser
/// (no network, no DTD, no entity substitution) even though the input is our own. Every libxml2
/// and xmlsec object is freed on every path; no error message carries key material.
package struct XMLEnvelopedSigner: Sendable {
    private let keyPEM: [UInt8]
    private let certificate: [UInt8]?
    private let certificateIsPEM: Bool

    /// A signer with a PEM private key (`PRIVATE KEY` or `RSA PRIVATE KEY`) and, for `KeyInfo`,
    /// the PEM certificate of its public half.
    package init(keyPEM: String, certificatePEM: String?) {
        self.keyPEM = Array(keyPEM.utf8)
        self.certificate = certificatePEM.map { Array($0.utf8) }
        self.certificateIsPEM = true
    }

    /// A signer with a PEM private key and, for `KeyInfo`, the DER certificate of its public half.
    package init(keyPEM: String, certificateDER: [UInt8]?) {
        self.keyPEM = Array(keyPEM.utf8)
        self.certificate = certificateDER
        self.certificateIsPEM = false
    }

    /// The signature template for the element whose `ID` is `referenceID`. With `includeKeyInfo`,
    /// xmlsec fills `KeyInfo/X509Data` with the signer's certificate.
    package static func template(referenceID: String, includeKeyInfo: Bool = true) -> String {
        "<ds:Signature xmlns:ds=\"\(SAMLNamespace.xmlDSig)\"><ds:SignedInfo>"
            + "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
            + "<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
            + "<ds:Reference URI=\"#\(SAMLXMLEscaping.escape(referenceID))\"><ds:Transforms>"
            + "<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
            + "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></ds:Transforms>"
            + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue></ds:DigestValue>"
            + "</ds:Reference></ds:SignedInfo><ds:SignatureValue></ds:SignatureValue>"
            + (includeKeyInfo ? "<ds:KeyInfo><ds:X509Data/></ds:KeyInfo>" : "") + "</ds:Signature>"
    }

    /// Signs, in this order, the `ds:Signature` child of each element whose `ID` is listed (inner
    /// elements first), and returns the serialized document (with an XML declaration).
    /// - Throws: `saml.request.encoding_failed` when the XML, the key or xmlsec fails.
    package func sign(
        _ xml: String, ids: [String], limits: HardenedXMLParser.Limits = .init(maxBytes: 4 << 20)
    ) throws(SsoError) -> String {
        let document: SAMLXMLDocument
        do {
            document = try HardenedXMLParser.parse(xml, limits: limits)
        } catch {
            throw SsoError(.samlRequestEncodingFailed, "the XML to sign does not parse", underlying: error)
        }
        let key = try loadKey()
        defer { xmlSecKeyDestroy(key) }
        for id in ids {
            guard let element = Self.element(withID: id, in: document), let attribute = element.attributeNode("ID"),
                cxml_register_id(document.pointer, attribute) == 0
            else {
                throw SsoError(.samlRequestEncodingFailed, "no single element with ID \(id) to sign")
            }
            guard let signature = element.firstChild(SAMLNamespace.xmlDSig, "Signature") else {
                throw SsoError(.samlRequestEncodingFailed, "the element \(id) has no signature template")
            }
            try Self.sign(signature.node, with: key, id: id)
        }
        return try Self.serialize(document)
    }

    private static func sign(_ signature: xmlNodePtr, with key: xmlSecKeyPtr, id: String) throws(SsoError) {
        guard let context = xmlSecDSigCtxCreate(nil) else {
            throw SsoError(.samlRequestEncodingFailed, "xmlsec could not create a signature context")
        }
        defer { xmlSecDSigCtxDestroy(context) }
        // The context owns (and destroys) its duplicate of the key.
        context.pointee.signKey = xmlSecKeyDuplicate(key)
        guard context.pointee.signKey != nil, xmlSecDSigCtxSign(context, signature) >= 0 else {
            throw SsoError(.samlRequestEncodingFailed, "xmlsec could not sign the element \(id)")
        }
    }

    private static func serialize(_ document: SAMLXMLDocument) throws(SsoError) -> String {
        var memory: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemory(document.pointer, &memory, &size)
        guard let memory else {
            throw SsoError(.samlRequestEncodingFailed, "the signed document could not be serialized")
        }
        defer { cxml_free(memory) }
        guard size > 0 else {
            throw SsoError(.samlRequestEncodingFailed, "the signed document could not be serialized")
        }
        return String(decoding: UnsafeBufferPointer(start: memory, count: Int(size)), as: UTF8.self)
    }

    /// The key with its certificate attached; the caller destroys it.
    private func loadKey() throws(SsoError) -> xmlSecKeyPtr {
        try XMLSecurityLibrary.ensureInitialized()
        let loaded = keyPEM.withUnsafeBufferPointer { buffer in
            xmlSecOpenSSLAppKeyLoadMemory(
                buffer.baseAddress, cxmlsec_size(buffer.count), xmlSecKeyDataFormatPem, nil, nil, nil)
        }
        guard let key = loaded else {
            throw SsoError(.samlRequestEncodingFailed, "xmlsec could not load the signing key")
        }
        guard let certificate else { return key }
        let format = certificateIsPEM ? xmlSecKeyDataFormatPem : xmlSecKeyDataFormatCertDer
        let attached = certificate.withUnsafeBufferPointer { buffer in
            xmlSecOpenSSLAppKeyCertLoadMemory(key, buffer.baseAddress, cxmlsec_size(buffer.count), format)
        }
        guard attached >= 0 else {
            xmlSecKeyDestroy(key)
            throw SsoError(.samlRequestEncodingFailed, "xmlsec could not attach the signing certificate to the key")
        }
        return key
    }

    /// The one element of `document` whose `ID` attribute is `id`, or `nil` if none or several.
    private static func element(withID id: String, in document: SAMLXMLDocument) -> SAMLXMLElement? {
        var found: [SAMLXMLElement] = []
        let root = document.root
        if root.attribute("ID").bytesEqual(id) { found.append(root) }
        root.forEachDescendant { element in
            if element.attribute("ID").bytesEqual(id) { found.append(element) }
        }
        return found.count == 1 ? found.first : nil
    }
}
