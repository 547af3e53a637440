import SsoCore

extension SAMLResponseCheck {
    /// Decrypts the Response's `EncryptedAssertion` and verifies the signature of what it held;
    /// returns the assertion to read and whether it carried its own verified signature.
    ///
    /// Under an unsigned Response the ciphertext is the sender's to choose, so every failure from
    /// decryption until the decrypted Assertion's own signature has verified (not an Assertion,
    /// wrapping, duplicate IDs, no signature, a bad one) is the one `saml.decryption.failed`: the
    /// answer never says whether a modified ciphertext decrypted to well-formed XML, to an Assertion
    /// or to a signed one — the plaintext oracle that breaks CBC (Jager and Somorovsky, 2011). Under
    /// a verified Response signature the ciphertext is the IdP's, and failures keep their own codes.
    func decryptAssertion(_ wrapper: SAMLXMLElement, responseSigned: Bool) throws(SsoError) -> (SAMLXMLElement, Bool) {
        guard let key = configuration.decryptionKey else {
            throw SsoError(
                .samlDecryptionKeyMissing, "the assertion is encrypted but no SP decryption key is configured")
        }
        let decrypted = try SAMLDecryptor.decrypt(
            wrapper, key: key, allowRSA15: policy.unsafeAllowRSA15KeyTransport, limits: policy.limits,
            operations: operations)
        do throws(SsoError) {
            try SAMLResponseStructure.check(decryptedAssertion: decrypted)
            guard decrypted.firstChild(SAMLNamespace.xmlDSig, "Signature") != nil else {
                guard responseSigned else {
                    throw SsoError(
                        .samlSignatureMissing, "the decrypted Assertion is not signed and neither is the Response")
                }
                return (decrypted, false)
            }
            try XMLSignatureVerifier.registerIDs(of: [decrypted])
            let signed = try XMLSignatureVerifier.verify(
                decrypted, keys: configuration.idpSigningKeys, options: signatureOptions)
            return (signed.root, true)
        } catch  where !responseSigned {
            throw SAMLDecryptor.failure(decrypting: wrapper.localName)
        }
    }
}
