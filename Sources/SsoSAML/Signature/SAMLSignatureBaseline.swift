import CXMLSec
import SsoCore

/// The bare xmlsec work a SAML response needs — parse, register IDs, `xmlSecDSigCtxVerify` each
/// signature (after decrypting an encrypted assertion) — with none of the validator's checks.
///
/// - Warning: for benchmarks only (the baseline the full validation is compared with), hence
///   `@_spi(Benchmarks)`: it verifies with the first key only and checks nothing a caller could
///   rely on; use ``SAMLResponseValidator``.
@_spi(Benchmarks) public enum _SAMLSignatureBaseline {
    /// Parses `xml` and verifies every `ds:Signature` in it with the first key of `keys`; returns
    /// whether all verified.
    @_spi(Benchmarks) public static func verifyAll(_ xml: [UInt8], keys: SAMLSigningKeySet) -> Bool {
        guard let key = keys.entries.first?.key, let document = try? HardenedXMLParser.parse(xml) else { return false }
        return verifySignatures(in: document, key: key)
    }

    /// Parses `xml`, decrypts its `EncryptedAssertion` with `decryptionKey`, and verifies every
    /// signature of the document and of the decrypted assertion.
    @_spi(Benchmarks) public static func decryptAndVerifyAll(
        _ xml: [UInt8], keys: SAMLSigningKeySet, decryptionKey: SAMLDecryptionKey
    ) -> Bool {
        guard let key = keys.entries.first?.key, let document = try? HardenedXMLParser.parse(xml),
            let wrapper = document.root.firstChild(SAMLNamespace.assertion, "EncryptedAssertion"),
            let assertion = try? SAMLDecryptor.decrypt(wrapper, key: decryptionKey, allowRSA15: false, limits: .init())
        else { return false }
        return verifySignatures(in: document, key: key) && verifySignatures(in: assertion.document, key: key)
    }

    private static func verifySignatures(in document: SAMLXMLDocument, key: XMLSecKey) -> Bool {
        var signed: [SAMLXMLElement] = []
        let root = document.root
        for element in [root] + root.children where element.firstChild(SAMLNamespace.xmlDSig, "Signature") != nil {
            signed.append(element)
        }
        guard (try? XMLSignatureVerifier.registerIDs(of: signed)) != nil else { return false }
        for element in signed {
            guard let signature = element.firstChild(SAMLNamespace.xmlDSig, "Signature") else { return false }
            var uri: UnsafeMutablePointer<xmlChar>?
            var bytes: UnsafeMutablePointer<UInt8>?
            var length: Int32 = 0
            let outcome = cxmlsec_verify_signature(signature.node, key.pointer, 0, &uri, &bytes, &length)
            if let uri { cxml_free(uri) }
            if let bytes { cxmlsec_free_buffer(bytes) }
            guard outcome == 1 else { return false }
        }
        return true
    }
}
