import CXMLSec
import Foundation
import SsoCore

/// Verifies one enveloped XML Signature with xmlsec against pinned keys, and returns exactly what
/// the signature covers, re-parsed from the bytes xmlsec digested ("see what is signed").
///
/// The message cannot multiply the work: before xmlsec runs, the element must carry exactly one
/// Signature with one SignedInfo, one Reference (what SAML requires) and at most two transforms, so
/// a verification is one digest of the element and one public-key operation per configured key. The
/// message's `KeyInfo` only orders those keys; one certificate of it is decoded, never used.
package enum XMLSignatureVerifier {
    /// What the policy allows for one verification.
    package struct Options: Sendable {
        package var allowSHA1: Bool
        package var minRSABits: Int
        package var enforceCertificateValidity: Bool
        package var now: Date
        package var limits: HardenedXMLParser.Limits
        /// Counts the xmlsec verifications (tests only).
        package var operations: SAMLKeyOperationCounter?

        package init(
            allowSHA1: Bool, minRSABits: Int, enforceCertificateValidity: Bool, now: Date,
            limits: HardenedXMLParser.Limits, operations: SAMLKeyOperationCounter? = nil
        ) {
            self.allowSHA1 = allowSHA1
            self.minRSABits = minRSABits
            self.enforceCertificateValidity = enforceCertificateValidity
            self.now = now
            self.limits = limits
            self.operations = operations
        }
    }

    /// Registers the `ID` attribute of each element as an XML ID of their document — only these
    /// elements can ever be the target of a Reference. Throws on a missing or duplicate ID.
    package static func registerIDs(of elements: [SAMLXMLElement]) throws(SsoError) {
        for element in elements {
            guard let attr = element.attributeNode("ID"), let value = element.attribute("ID"), !value.isEmpty else {
                throw SsoError(.samlStructureMissingElement, "<\(element.localName)> has no ID attribute")
            }
            guard cxml_register_id(element.document.pointer, attr) == 0 else {
                throw SsoError(.samlStructureDuplicateID, "the ID \"\(value)\" is used more than once")
            }
        }
    }

    /// Verifies the single `ds:Signature` child of `element` (its ID must already be registered)
    /// and returns the document re-parsed from the signed bytes; its root is `element` as signed,
    /// without the enveloped signature.
    package static func verify(
        _ element: SAMLXMLElement, keys: SAMLSigningKeySet, options: Options
    ) throws(SsoError) -> SAMLXMLDocument {
        guard let signed = try verify(element, keys: keys, options: options, readBack: true) else {
            throw SsoError(.samlSignatureInvalid, "the signed content of <\(element.localName)> could not be read back")
        }
        return signed
    }

    /// Verifies like ``verify(_:keys:options:)`` without re-parsing the signed bytes: for a caller
    /// that then reads only attributes of `element` itself, the very node the reference resolved to.
    package static func verifyInPlace(_ element: SAMLXMLElement, keys: SAMLSigningKeySet, options: Options)
        throws(SsoError)
    {
        _ = try verify(element, keys: keys, options: options, readBack: false)
    }

    private static func verify(
        _ element: SAMLXMLElement, keys: SAMLSigningKeySet, options: Options, readBack: Bool
    ) throws(SsoError) -> SAMLXMLDocument? {
        let signatures = element.children(SAMLNamespace.xmlDSig, "Signature")
        guard signatures.count == 1, let signature = signatures.first else {
            throw SsoError(.samlSignatureReferenceInvalid, "<\(element.localName)> must have exactly one Signature")
        }
        guard let id = element.attribute("ID"), !id.isEmpty else {
            throw SsoError(.samlStructureMissingElement, "a signed <\(element.localName)> has no ID")
        }
        try checkShape(of: signature, expectedURI: "#" + id, allowSHA1: options.allowSHA1)
        guard cxml_element_by_id(element.document.pointer, id) == element.node else {  // exact-compare: not a string (a node pointer)
            throw SsoError(
                .samlSignatureReferenceInvalid,
                "the signature's reference does not resolve to its own <\(element.localName)>")
        }
        let usable = try usableKeys(keys, options: options, preferring: signature)
        var flags: Int32 = 0
        if options.allowSHA1 { flags |= CXMLSEC_ALLOW_SHA1 }
        for entry in usable {
            var uri: UnsafeMutablePointer<xmlChar>?
            var bytes: UnsafeMutablePointer<UInt8>?
            var length: Int32 = 0
            options.operations?.recordSignatureVerification()
            let outcome = cxmlsec_verify_signature(signature.node, entry.key.pointer, flags, &uri, &bytes, &length)
            defer {
                if let uri { cxml_free(uri) }
                if let bytes { cxmlsec_free_buffer(bytes) }
            }
            guard outcome == 1, let uri, let bytes, length > 0 else { continue }
            guard String(cString: uri) == "#" + id else {
                throw SsoError(.samlSignatureReferenceInvalid, "the verified reference is not #\(id)")
            }
            guard readBack else { return nil }
            let signed: SAMLXMLDocument
            do {
                signed = try HardenedXMLParser.parse(
                    UnsafeRawBufferPointer(start: bytes, count: Int(length)), limits: options.limits)
            } catch {
                throw SsoError(
                    .samlSignatureReferenceInvalid, "the signed content is not a single XML element", underlying: error)
            }
            let root = signed.root
            guard let namespace = element.namespaceURI, root.is(namespace, element.localName),
                root.attribute("ID").bytesEqual(id), root.firstChild(SAMLNamespace.xmlDSig, "Signature") == nil
            else {
                throw SsoError(
                    .samlSignatureReferenceInvalid,
                    "the signed content is not the <\(element.localName)> that carries the signature")
            }
            return signed
        }
        throw SsoError(
            .samlSignatureInvalid,
            "the signature of <\(element.localName)> does not verify with the IdP's certificate\(keys.count > 1 ? "s" : "")"
        )
    }

    /// Exactly one SignedInfo with one Reference to `expectedURI`, allowed algorithms only, no
    /// RetrievalMethod, no Manifest, nothing signed-looking nested inside.
    private static func checkShape(of signature: SAMLXMLElement, expectedURI: String, allowSHA1: Bool) throws(SsoError)
    {
        let ds = SAMLNamespace.xmlDSig
        let signedInfos = signature.descendants(ds, "SignedInfo")
        guard signedInfos.count == 1, let signedInfo = signedInfos.first,
            signature.children.first?.isSameNode(as: signedInfo) == true
        else {
            throw SsoError(.samlSignatureReferenceInvalid, "a Signature must start with exactly one SignedInfo")
        }
        let references = signature.descendants(ds, "Reference")
        guard references.count == 1, let reference = references.first,
            reference.parent?.isSameNode(as: signedInfo) == true
        else {
            throw SsoError(
                .samlSignatureReferenceInvalid, "a Signature must have exactly one Reference, in its SignedInfo")
        }
        guard signature.descendants(ds, "RetrievalMethod").isEmpty, signature.descendants(ds, "Manifest").isEmpty,
            signature.descendants(ds, "Signature").isEmpty
        else {
            throw SsoError(
                .samlSignatureReferenceInvalid, "RetrievalMethod, Manifest and nested signatures are refused")
        }
        guard reference.attribute("URI").bytesEqual(expectedURI) else {
            throw SsoError(
                .samlSignatureReferenceInvalid,
                "the Reference URI must be exactly \"\(expectedURI)\", the ID of the signed element")
        }
        let c14n = signedInfo.children(ds, "CanonicalizationMethod")
        guard c14n.count == 1, let c14nURI = c14n.first?.attribute("Algorithm") else {
            throw SsoError(.samlSignatureReferenceInvalid, "SignedInfo must have one CanonicalizationMethod")
        }
        guard XMLSignatureAlgorithms.canonicalizations.containsBytes(of: c14nURI) else {
            throw SsoError(.samlSignatureAlgorithmNotAllowed, "canonicalization \(c14nURI) is not allowed")
        }
        let methods = signedInfo.children(ds, "SignatureMethod")
        guard methods.count == 1, let method = methods.first?.attribute("Algorithm") else {
            throw SsoError(.samlSignatureReferenceInvalid, "SignedInfo must have one SignatureMethod")
        }
        guard XMLSignatureAlgorithms.allowsSignatureMethod(method, allowSHA1: allowSHA1) else {
            throw SsoError(.samlSignatureAlgorithmNotAllowed, "signature method \(method) is not allowed")
        }
        let digests = reference.children(ds, "DigestMethod")
        guard digests.count == 1, let digest = digests.first?.attribute("Algorithm") else {
            throw SsoError(.samlSignatureReferenceInvalid, "the Reference must have one DigestMethod")
        }
        guard XMLSignatureAlgorithms.allowsDigestMethod(digest, allowSHA1: allowSHA1) else {
            throw SsoError(.samlSignatureAlgorithmNotAllowed, "digest method \(digest) is not allowed")
        }
        let transformLists = reference.children(ds, "Transforms")
        guard transformLists.count <= 1 else {
            throw SsoError(.samlSignatureReferenceInvalid, "the Reference has more than one Transforms")
        }
        let transforms = transformLists.first?.children ?? []
        guard transforms.count <= 2 else {
            throw SsoError(.samlSignatureAlgorithmNotAllowed, "at most two transforms (enveloped + C14N) are allowed")
        }
        for transform in transforms {
            guard transform.is(ds, "Transform"), let uri = transform.attribute("Algorithm"),
                XMLSignatureAlgorithms.allowsReferenceTransform(uri)
            else {
                throw SsoError(
                    .samlSignatureAlgorithmNotAllowed, "only enveloped-signature and C14N transforms are allowed")
            }
        }
    }

    /// The configured keys this policy accepts, the one matching the message's certificate first
    /// (ordering only: a key from the message is never used).
    private static func usableKeys(
        _ keys: SAMLSigningKeySet, options: Options, preferring signature: SAMLXMLElement
    ) throws(SsoError) -> [SAMLSigningKeySet.Entry] {
        var candidates = keys.entries
        if options.enforceCertificateValidity {
            candidates = candidates.filter { $0.notValidBefore <= options.now && options.now < $0.notValidAfter }
            guard !candidates.isEmpty else {
                throw SsoError(.samlSignatureCertificateExpired, "no configured IdP certificate is valid now")
            }
        }
        candidates = candidates.filter { entry in
            (entry.isRSA && entry.bits >= options.minRSABits) || (entry.isEC && entry.bits >= 256)
        }
        guard !candidates.isEmpty else {
            throw SsoError(
                .samlSignatureKeyTooSmall,
                "the IdP key is smaller than \(options.minRSABits) bits (RSA) / 256 bits (EC), or of an unsupported kind"
            )
        }
        if candidates.count > 1,
            let text = signature.descendants(SAMLNamespace.xmlDSig, "X509Certificate").first?.textContent,
            let der = try? Base64.decode(text, allowWhitespace: true),
            let index = candidates.firstIndex(where: { $0.derBytes == der })
        {
            candidates.insert(candidates.remove(at: index), at: 0)
        }
        return candidates
    }
}
