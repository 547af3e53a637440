import CXMLSec

/// A parsed, read-only XML document that owns its libxml2 tree (freed when the last reference goes).
///
/// Created only by ``HardenedXMLParser``. The tree is never modified after parsing, so the
/// document and its ``SAMLXMLElement`` views can be read from several threads at once.
package final class SAMLXMLDocument: @unchecked Sendable {
    /// The libxml2 document. Owned: freed in `deinit`.
    package let pointer: xmlDocPtr

    /// Takes ownership of `pointer`.
    package init(owning pointer: xmlDocPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// The single root element.
    package var root: SAMLXMLElement {
        // The hardened parser returns only documents with a root element.
        SAMLXMLElement(document: self, node: xmlDocGetRootElement(pointer))
    }
}
