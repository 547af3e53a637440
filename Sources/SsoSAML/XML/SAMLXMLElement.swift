import CXMLSec

/// A read-only view of one element of a ``SAMLXMLDocument``; it keeps its document alive.
package struct SAMLXMLElement: Sendable {
    /// The document this element belongs to.
    package let document: SAMLXMLDocument
    /// The libxml2 node; valid as long as `document` (immutable after parsing).
    nonisolated(unsafe) package let node: xmlNodePtr

    package init(document: SAMLXMLDocument, node: xmlNodePtr) {
        self.document = document
        self.node = node
    }

    /// The local name (`Assertion` for `<saml:Assertion>`).
    package var localName: String { String(cString: node.pointee.name) }

    /// The namespace URI, or `nil` when the element is in no namespace.
    package var namespaceURI: String? {
        guard let ns = node.pointee.ns, let href = ns.pointee.href else { return nil }
        return String(cString: href)
    }

    /// Whether the element is `localName` in `namespace` (prefixes are irrelevant).
    package func `is`(_ namespace: String, _ localName: String) -> Bool {
        guard let ns = node.pointee.ns, let href = ns.pointee.href, let name = node.pointee.name else { return false }
        return Self.cString(name, equals: localName) && Self.cString(href, equals: namespace)
    }

    /// Whether the NUL-terminated libxml2 string `text` has exactly the UTF-8 bytes of `string`,
    /// without converting `string` to a C string (an allocation per call, on the hottest path).
    /// Reads `text` only up to its terminator: index `i` is read only after `text[0..<i]` were
    /// all non-zero.
    @inline(__always)
    static func cString(_ text: UnsafePointer<xmlChar>, equals string: String) -> Bool {
        var string = string
        return string.withUTF8 { bytes in
            for index in 0..<bytes.count {
                let byte = text[index]
                guard byte != 0, byte == bytes[index] else { return false }
            }
            return text[bytes.count] == 0
        }
    }

    /// The parent element, or `nil` for the root.
    package var parent: SAMLXMLElement? {
        guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return SAMLXMLElement(document: document, node: parent)
    }

    /// The child elements, in document order (text, comments and processing instructions skipped).
    package var children: [SAMLXMLElement] {
        var result: [SAMLXMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                result.append(SAMLXMLElement(document: document, node: current))
            }
            child = current.pointee.next
        }
        return result
    }

    /// The direct child elements named `localName` in `namespace`.
    package func children(_ namespace: String, _ localName: String) -> [SAMLXMLElement] {
        var result: [SAMLXMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                let element = SAMLXMLElement(document: document, node: current)
                if element.is(namespace, localName) { result.append(element) }
            }
            child = current.pointee.next
        }
        return result
    }

    /// The first direct child element named `localName` in `namespace`.
    package func firstChild(_ namespace: String, _ localName: String) -> SAMLXMLElement? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                let element = SAMLXMLElement(document: document, node: current)
                if element.is(namespace, localName) { return element }
            }
            child = current.pointee.next
        }
        return nil
    }

    /// Every descendant element (not this one) named `localName` in `namespace`, in document order.
    package func descendants(_ namespace: String, _ localName: String) -> [SAMLXMLElement] {
        var result: [SAMLXMLElement] = []
        forEachDescendant { element in
            if element.is(namespace, localName) { result.append(element) }
        }
        return result
    }

    /// Calls `body` for every descendant element (not this one) in document order.
    package func forEachDescendant(_ body: (SAMLXMLElement) -> Void) {
        var current = node.pointee.children
        while let item = current {
            if item.pointee.type == XML_ELEMENT_NODE {
                body(SAMLXMLElement(document: document, node: item))
                if item.pointee.children != nil {
                    current = item.pointee.children
                    continue
                }
            }
            var next: xmlNodePtr? = item
            while let candidate = next, candidate != node, candidate.pointee.next == nil {
                next = candidate.pointee.parent
            }
            guard let candidate = next, candidate != node else { return }
            current = candidate.pointee.next
        }
    }

    /// The value of the attribute `name` in `namespace` (`nil`: an unqualified attribute, the
    /// usual case in SAML), or `nil` when absent.
    package func attribute(_ name: String, namespace: String? = nil) -> String? {
        var property = node.pointee.properties
        while let attr = property {
            if let attrName = attr.pointee.name, Self.cString(attrName, equals: name) {
                let attrNamespace = attr.pointee.ns.flatMap { $0.pointee.href }
                let matches: Bool
                if let namespace {
                    matches = attrNamespace.map { Self.cString($0, equals: namespace) } ?? false
                } else {
                    matches = attrNamespace == nil
                }
                if matches { return Self.text(ofChildren: attr.pointee.children) }
            }
            property = attr.pointee.next
        }
        return nil
    }

    /// Every attribute as (namespace URI or `nil`, local name, value), in document order.
    package var attributes: [(namespace: String?, name: String, value: String)] {
        var result: [(namespace: String?, name: String, value: String)] = []
        var property = node.pointee.properties
        while let attr = property {
            let namespace = attr.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
            result.append((namespace, String(cString: attr.pointee.name), Self.text(ofChildren: attr.pointee.children)))
            property = attr.pointee.next
        }
        return result
    }

    /// All text and CDATA of this element and its descendants, concatenated in document order.
    ///
    /// Comments and processing instructions are skipped but never split the value:
    /// `alice@evil.com<!---->.example.com` reads as `alice@evil.com.example.com`.
    package var textContent: String {
        var bytes: [UInt8] = []
        appendText(of: node, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the element has any direct child text or CDATA other than XML whitespace.
    package var hasNonWhitespaceDirectText: Bool {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
                let content = current.pointee.content, xmlIsBlankNode(current) == 0, content.pointee != 0
            {
                return true
            }
            child = current.pointee.next
        }
        return false
    }

    /// The line of the start tag in the parsed input (for messages).
    package var line: Int { Int(xmlGetLineNo(node)) }

    /// Whether `other` is the very same node of the same document.
    package func isSameNode(as other: SAMLXMLElement) -> Bool { node == other.node }

    private func appendText(of parent: xmlNodePtr, to bytes: inout [UInt8]) {
        var child = parent.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                }
            case XML_ELEMENT_NODE:
                appendText(of: current, to: &bytes)
            default:
                break
            }
            child = current.pointee.next
        }
    }

    private static func text(ofChildren first: xmlNodePtr?) -> String {
        var bytes: [UInt8] = []
        var child = first
        while let current = child {
            if let content = current.pointee.content {
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
            }
            child = current.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension SAMLXMLElement {
    /// The libxml2 attribute node `name` without namespace, for ID registration.
    package func attributeNode(_ name: String) -> xmlAttrPtr? {
        var property = node.pointee.properties
        while let attr = property {
            if attr.pointee.ns == nil, let attrName = attr.pointee.name, Self.cString(attrName, equals: name) {
                return attr
            }
            property = attr.pointee.next
        }
        return nil
    }
}

extension SAMLXMLElement {
    /// The namespace declarations in scope at this element, as (prefix or `nil` for the default, URI).
    package var inScopeNamespaces: [(prefix: String?, uri: String)] {
        guard let list = xmlGetNsList(document.pointer, node) else { return [] }
        defer { cxml_free(list) }
        var result: [(prefix: String?, uri: String)] = []
        var index = 0
        while let ns = list[index] {
            if let href = ns.pointee.href {
                result.append((ns.pointee.prefix.map { String(cString: $0) }, String(cString: href)))
            }
            index += 1
        }
        return result
    }
}

extension SAMLXMLElement {
    /// Whether nothing (no comment, no processing instruction) follows this element at the top level.
    package var isLastTopLevelNode: Bool { node.pointee.next == nil }
}
