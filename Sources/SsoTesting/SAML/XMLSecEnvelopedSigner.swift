import CXMLSec
import Foundation
import SsoCore

/// Signs SAML documents in-process with libxmlsec1: enveloped signatures, exclusive C14N,
/// RSA-SHA256 and SHA-256 digests, with the certificate in `KeyInfo` as IdPs send it.
///
/// The XML given to it must already hold the `ds:Signature` templates (empty `DigestValue` and
/// `SignatureValue`) as direct children of the elements to sign. Test tooling only.
struct XMLSecEnvelopedSigner: Sendable {
    private let keyPEM: [UInt8]
    private let certificatePEM: [UInt8]

    init(keyPEM: String, certificatePEM: String) {
        self.keyPEM = Array(keyPEM.utf8)
        self.certificatePEM = Array(certificatePEM.utf8)
    }

    /// The signature template for the element whose `ID` is `referenceID`.
    static func template(referenceID: String) -> String {
        "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo>"
            + "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
            + "<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
            + "<ds:Reference URI=\"#\(referenceID)\"><ds:Transforms>"
            + "<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
            + "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></ds:Transforms>"
            + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue></ds:DigestValue>"
            + "</ds:Reference></ds:SignedInfo><ds:SignatureValue></ds:SignatureValue>"
            + "<ds:KeyInfo><ds:X509Data/></ds:KeyInfo></ds:Signature>"
    }

    /// Signs, in this order, the `ds:Signature` child of each element whose `ID` is listed
    /// (inner elements first), and returns the serialized document.
    func sign(_ xml: String, ids: [String]) throws(SsoError) -> String {
        guard cxmlsec_init_once() == 0 else {
            throw SsoError(.samlLibraryUnavailable, "libxml2/xmlsec1 could not be initialised")
        }
        let bytes = Array(xml.utf8)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(buffer.count), "response.xml", nil, Int32(XML_PARSE_NONET.rawValue))
                }
            }
        }
        guard let doc = parsed, let root = xmlDocGetRootElement(doc) else {
            throw SsoError(.testingSAMLIdPFailed, "the test IdP produced XML that does not parse")
        }
        defer { xmlFreeDoc(doc) }
        guard let key = loadKey() else {
            throw SsoError(.testingSAMLIdPFailed, "the test IdP key or certificate could not be loaded into xmlsec")
        }
        defer { xmlSecKeyDestroy(key) }
        for id in ids {
            guard let element = Self.element(withID: id, under: root), let attribute = xmlHasProp(element, "ID") else {
                throw SsoError(.testingSAMLIdPFailed, "the test IdP found no element with ID \(id)")
            }
            _ = xmlAddID(nil, doc, id, attribute)
            guard let signature = Self.child(named: "Signature", of: element) else {
                throw SsoError(.testingSAMLIdPFailed, "the element \(id) has no signature template")
            }
            guard let context = xmlSecDSigCtxCreate(nil) else {
                throw SsoError(.testingSAMLIdPFailed, "xmlsec could not create a signature context")
            }
            defer { xmlSecDSigCtxDestroy(context) }
            context.pointee.signKey = xmlSecKeyDuplicate(key)
            guard context.pointee.signKey != nil, xmlSecDSigCtxSign(context, signature) >= 0 else {
                throw SsoError(.testingSAMLIdPFailed, "xmlsec could not sign the element \(id)")
            }
        }
        var memory: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemory(doc, &memory, &size)
        guard let memory, size > 0 else {
            throw SsoError(.testingSAMLIdPFailed, "the signed document could not be serialized")
        }
        defer { cxml_free(memory) }
        return String(decoding: UnsafeBufferPointer(start: memory, count: Int(size)), as: UTF8.self)
    }

    private func loadKey() -> xmlSecKeyPtr? {
        let key = keyPEM.withUnsafeBufferPointer { buffer in
            xmlSecOpenSSLAppKeyLoadMemory(
                buffer.baseAddress, cxmlsec_size(buffer.count), xmlSecKeyDataFormatPem, nil, nil, nil)
        }
        guard let key else { return nil }
        let attached = certificatePEM.withUnsafeBufferPointer { buffer in
            xmlSecOpenSSLAppKeyCertLoadMemory(
                key, buffer.baseAddress, cxmlsec_size(buffer.count), xmlSecKeyDataFormatPem)
        }
        guard attached >= 0 else {
            xmlSecKeyDestroy(key)
            return nil
        }
        return key
    }

    private static func child(named name: String, of element: xmlNodePtr) -> xmlNodePtr? {
        var current = element.pointee.children
        while let node = current {
            if node.pointee.type == XML_ELEMENT_NODE, xmlStrEqual(node.pointee.name, name) != 0 { return node }
            current = node.pointee.next
        }
        return nil
    }

    /// The element under (or at) `root` whose `ID` attribute is `id` (depth-first, bounded by the tree).
    private static func element(withID id: String, under root: xmlNodePtr) -> xmlNodePtr? {
        var stack: [xmlNodePtr] = [root]
        while let node = stack.popLast() {
            if let value = xmlGetProp(node, "ID") {
                let matches = xmlStrEqual(value, id) != 0
                cxml_free(value)
                if matches { return node }
            }
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { stack.append(current) }
                child = current.pointee.next
            }
        }
        return nil
    }
}
