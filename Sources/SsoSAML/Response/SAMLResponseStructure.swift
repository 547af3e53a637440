import SsoCore

/// The structural rules that defeat signature wrapping, checked on the whole document before any
/// signature is verified: one assertion, in one place; signatures only where they may be; unique IDs.
package enum SAMLResponseStructure {
    /// The Response's single assertion child.
    package enum AssertionChild {
        case plain(SAMLXMLElement)
        case encrypted(SAMLXMLElement)
    }

    /// Checks `Version`, the top-level `StatusCode` and the wrapping rules of the Response `root`;
    /// returns its one assertion child.
    package static func check(response root: SAMLXMLElement) throws(SsoError) -> AssertionChild {
        guard root.is(SAMLNamespace.protocol, "Response") else {
            throw SsoError(
                .samlStructureNotAResponse,
                "the document is not a SAML 2.0 protocol Response (root is <\(root.localName)>)")
        }
        guard root.isLastTopLevelNode else {
            throw SsoError(.samlXMLMalformed, "nothing may follow the Response element")
        }
        guard root.attribute("Version").bytesEqual("2.0") else {
            throw SsoError(.samlStructureVersion, "the Response Version is not 2.0")
        }
        try checkStatus(of: root)
        guard root.children(SAMLNamespace.assertion, "Issuer").count <= 1 else {
            throw SsoError(.samlStructureUnexpectedElement, "the Response has more than one Issuer")
        }
        let direct = root.children.filter(isAssertionLike)
        let scan = scanDocument(root)
        if let id = scan.duplicateID {
            throw SsoError(.samlStructureDuplicateID, "the ID \"\(id)\" is used by more than one element")
        }
        guard direct.count == 1, let child = direct.first else {
            throw SsoError(
                .samlStructureAssertionCount,
                "the Response must contain exactly one Assertion or EncryptedAssertion, found \(direct.count)")
        }
        guard scan.assertions.count == 1 else {
            throw SsoError(
                .samlStructureAssertionCount,
                "an assertion outside the Response's direct children (Advice, extensions, wrapping) is refused")
        }
        let plain = child.is(SAMLNamespace.assertion, "Assertion")
        for signature in scan.signatures {
            guard let parent = signature.parent,
                parent.isSameNode(as: root) || (plain && parent.isSameNode(as: child))
            else {
                throw SsoError(
                    .samlSignatureReferenceInvalid,
                    "a Signature may only be a direct child of the Response or of its Assertion")
            }
        }
        guard root.children(SAMLNamespace.xmlDSig, "Signature").count <= 1,
            child.children(SAMLNamespace.xmlDSig, "Signature").count <= 1
        else {
            throw SsoError(.samlSignatureReferenceInvalid, "an element carries more than one Signature")
        }
        return plain ? .plain(child) : .encrypted(child)
    }

    /// The wrapping rules for an Assertion that arrived encrypted (`root` of its own document).
    package static func check(decryptedAssertion root: SAMLXMLElement) throws(SsoError) {
        guard root.is(SAMLNamespace.assertion, "Assertion") else {
            throw SsoError(.samlStructureAssertionCount, "the EncryptedAssertion does not hold a SAML 2.0 Assertion")
        }
        let scan = scanDocument(root)
        if let id = scan.duplicateID {
            throw SsoError(.samlStructureDuplicateID, "the ID \"\(id)\" is used by more than one element")
        }
        guard scan.assertions.count == 1 else {
            throw SsoError(
                .samlStructureAssertionCount,
                "an assertion nested in the decrypted Assertion (Advice, wrapping) is refused")
        }
        for signature in scan.signatures where signature.parent?.isSameNode(as: root) != true {
            throw SsoError(.samlSignatureReferenceInvalid, "a Signature may only be a direct child of the Assertion")
        }
        guard root.children(SAMLNamespace.xmlDSig, "Signature").count <= 1 else {
            throw SsoError(.samlSignatureReferenceInvalid, "the Assertion carries more than one Signature")
        }
    }

    private static func checkStatus(of root: SAMLXMLElement) throws(SsoError) {
        let statuses = root.children(SAMLNamespace.protocol, "Status")
        guard statuses.count == 1, let status = statuses.first,
            let code = status.firstChild(SAMLNamespace.protocol, "StatusCode"),
            let value = code.attribute("Value")
        else {
            throw SsoError(.samlStructureMissingElement, "the Response has no Status/StatusCode")
        }
        guard value == "urn:oasis:names:tc:SAML:2.0:status:Success" else {
            var detail = value
            if let second = code.firstChild(SAMLNamespace.protocol, "StatusCode")?.attribute("Value") {
                detail += " / " + second
            }
            if let message = status.firstChild(SAMLNamespace.protocol, "StatusMessage")?.textContent {
                let trimmed = message.trimmingXMLWhitespace
                if !trimmed.isEmpty { detail += ": " + String(trimmed.prefix(200)) }
            }
            throw SsoError(.samlStatusNotSuccess, "the IdP answered with status \(detail)")
        }
    }

    private static func isAssertionLike(_ element: SAMLXMLElement) -> Bool {
        element.is(SAMLNamespace.assertion, "Assertion") || element.is(SAMLNamespace.assertion, "EncryptedAssertion")
    }

    private struct Scan {
        var assertions: [SAMLXMLElement] = []
        var signatures: [SAMLXMLElement] = []
        var duplicateID: String?
    }

    /// One pass over every element: assertions, signatures, and duplicate `ID` values (which end
    /// the check at once).
    private static func scanDocument(_ root: SAMLXMLElement) -> Scan {
        var scan = Scan()
        var seen = Set<String>()
        func visit(_ element: SAMLXMLElement) {
            if isAssertionLike(element) { scan.assertions.append(element) }
            if element.is(SAMLNamespace.xmlDSig, "Signature") { scan.signatures.append(element) }
            if let id = element.attribute("ID"), !seen.insert(id).inserted { scan.duplicateID = id }
        }
        visit(root)
        root.forEachDescendant(visit)
        return scan
    }
}

extension String {
    /// The string without leading and trailing XML whitespace (space, tab, CR, LF).
    package var trimmingXMLWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
