import CXMLSec
import SsoCore

/// Parses untrusted XML with libxml2 so that nothing is fetched and nothing is expanded.
///
/// - No network access and no DTD loading; a document with any `<!DOCTYPE …>` is refused before
///   any declaration inside it is read (`saml.xml.doctype`), so external entities and "billion
///   laughs" inputs fail fast.
/// - No entity substitution; an undeclared entity reference is malformed XML.
/// - Size (`saml.xml.too_large`) and element depth (`saml.xml.too_deep`) are bounded.
/// - `xml:id` attributes are refused (`saml.structure.duplicate_id`): libxml2 would register
///   them as IDs, and SAML never uses them.
package enum HardenedXMLParser {
    /// Bounds on the input (the public ``SAMLXMLLimits``).
    package typealias Limits = SAMLXMLLimits

    /// Parses `bytes` into a document, or throws a `saml.xml.*` error.
    package static func parse(_ bytes: [UInt8], limits: Limits = Limits()) throws(SsoError) -> SAMLXMLDocument {
        try bytes.withUnsafeBufferPointer { (buffer) throws(SsoError) -> SAMLXMLDocument in
            try parse(UnsafeRawBufferPointer(buffer), limits: limits)
        }
    }

    /// Parses the UTF-8 text `string`; see ``parse(_:limits:)-([UInt8],_)``.
    package static func parse(_ string: String, limits: Limits = Limits()) throws(SsoError) -> SAMLXMLDocument {
        try parse(Array(string.utf8), limits: limits)
    }

    /// Parses raw bytes; the shared implementation of the other entry points.
    package static func parse(_ buffer: UnsafeRawBufferPointer, limits: Limits) throws(SsoError) -> SAMLXMLDocument {
        try XMLSecurityLibrary.ensureInitialized()
        guard buffer.count <= limits.maxBytes, buffer.count <= Int(Int32.max) else {
            throw SsoError(.samlXMLTooLarge, "the XML document is larger than \(limits.maxBytes) bytes")
        }
        guard buffer.count > 0, let base = buffer.baseAddress else {
            throw SsoError(.samlXMLMalformed, "the XML document is empty")
        }
        var hadDoctype: Int32 = 0
        var errorCode: Int32 = 0
        let doc = cxml_parse_hardened(
            base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), Int32(max(1, limits.maxDepth)),
            &hadDoctype, &errorCode)
        guard let doc else {
            if hadDoctype != 0 || errorCode == -2 {
                throw SsoError(.samlXMLDoctype, "the XML document has a DOCTYPE, which SAML never needs; refused")
            }
            if errorCode == -3 {
                throw SsoError(.samlXMLTooDeep, "the XML document nests elements deeper than \(limits.maxDepth)")
            }
            throw SsoError(
                .samlXMLMalformed, "the input is not well-formed, namespace-valid XML (libxml2 error \(errorCode))")
        }
        let document = SAMLXMLDocument(owning: doc)
        if cxml_has_xml_id(doc) != 0 {
            throw SsoError(
                .samlStructureDuplicateID, "the XML document uses xml:id attributes, which SAML never needs; refused")
        }
        return document
    }
}
