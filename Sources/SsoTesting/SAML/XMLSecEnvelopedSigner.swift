import SsoCore
import SsoSAML

/// The test IdP's signer: SsoSAML's `XMLEnvelopedSigner` (libxmlsec1, enveloped signatures,
/// exclusive C14N, RSA-SHA256, SHA-256 digests) with the certificate in `KeyInfo` as IdPs send
/// it, reporting failures as `testing.saml_idp_failed`. Test tooling only.
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
}
