import SsoCore
import SsoSAML

/// The test signer: SsoSAML's `XMLEnvelopedSigner` (libxmlsec1, enveloped signatures, the
/// algorithms of each signature template) with the certificate in `KeyInfo` as IdPs send it,
/// reporting failures as `testing.saml_idp_failed`. Used by ``TestSAMLIdentityProvider`` and
/// ``TestSAMLResponseBuilder``. Test tooling only.
struct XMLSecEnvelopedSigner: Sendable {
    private let signer: XMLEnvelopedSigner

    init(keyPEM: String, certificatePEM: String) {
        self.signer = XMLEnvelopedSigner(keyPEM: keyPEM, certificatePEM: certificatePEM)
    }

    /// The signature template for the element whose `ID` is `referenceID`.
    static func template(referenceID: String) -> String {
        XMLEnvelopedSigner.template(referenceID: referenceID)
    }

    /// Signs, in this order, the `ds:Signature` child of each element whose `ID` is listed
    /// (inner elements first), and returns the serialized document.
    func sign(_ xml: String, ids: [String]) throws(SsoError) -> String {
        do {
            return try signer.sign(xml, ids: ids)
        } catch {
            throw SsoError(.testingSAMLIdPFailed, "the test IdP could not sign: \(error.message)", underlying: error)
        }
    }

    /// Signs the first `ds:Signature` template of `xml` in document order (the template's parent
    /// must carry the `ID` its reference names), as `xmlsec1 --sign` does.
    func signFirstTemplate(_ xml: String) throws(SsoError) -> String {
        let root: SAMLXMLElement
        do {
            root = try HardenedXMLParser.parse(xml, limits: .init(maxBytes: 4 << 20)).root
        } catch {
            throw SsoError(.testingSAMLIdPFailed, "the XML to sign does not parse: \(error.message)", underlying: error)
        }
        let signatures = root.descendants(SAMLNamespace.xmlDSig, "Signature")
        guard let first = signatures.first, let id = first.parent?.attribute("ID") else {
            throw SsoError(.testingSAMLIdPFailed, "the XML has no signature template under an element with an ID")
        }
        return try sign(xml, ids: [id])
    }
}
