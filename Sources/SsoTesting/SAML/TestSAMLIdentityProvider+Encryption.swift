import Crypto
import Foundation
import SsoCore
import SsoSAML
import X509
import _CryptoExtras

extension TestSAMLIdentityProvider {
    /// Encrypts a serialized (and possibly signed) assertion to `certificate` as a
    /// `saml:EncryptedAssertion`: AES-256-GCM content, key transported with RSA-OAEP (MGF1-SHA1),
    /// as XML Encryption 1.1 and SAML IdPs shape it.
    func encryptedAssertion(_ assertion: String, to certificate: SAMLCertificate) throws(SsoError) -> String {
        let wrappedKey: Data
        let cipherValue: [UInt8]
        do {
            let parsed = try Certificate(derEncoded: certificate.derBytes)
            guard let signingKey = _RSA.Signing.PublicKey(parsed.publicKey) else {
                throw SsoError(.testingSAMLIdPFailed, "the test IdP can only encrypt to RSA certificates")
            }
            let publicKey = try _RSA.Encryption.PublicKey(derRepresentation: signingKey.derRepresentation)
            let keyBytes = random.bytes(32)
            let nonceBytes = random.bytes(12)
            let sealed = try AES.GCM.seal(
                Array(assertion.utf8), using: SymmetricKey(data: keyBytes), nonce: try AES.GCM.Nonce(data: nonceBytes))
            cipherValue = nonceBytes + Array(sealed.ciphertext) + Array(sealed.tag)
            wrappedKey = try publicKey.encrypt(keyBytes, padding: .PKCS1_OAEP)
        } catch let error as SsoError {
            throw error
        } catch {
            throw SsoError(.testingSAMLIdPFailed, "the test IdP could not encrypt the assertion")
        }
        return "<saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc=\"http://www.w3.org/2001/04/xmlenc#\""
            + " Type=\"http://www.w3.org/2001/04/xmlenc#Element\">"
            + "<xenc:EncryptionMethod Algorithm=\"http://www.w3.org/2009/xmlenc11#aes256-gcm\"/>"
            + "<ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><xenc:EncryptedKey>"
            + "<xenc:EncryptionMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p\">"
            + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#sha1\"/></xenc:EncryptionMethod>"
            + "<xenc:CipherData><xenc:CipherValue>\(Base64.encode(Array(wrappedKey)))</xenc:CipherValue></xenc:CipherData>"
            + "</xenc:EncryptedKey></ds:KeyInfo>"
            + "<xenc:CipherData><xenc:CipherValue>\(Base64.encode(cipherValue))</xenc:CipherValue></xenc:CipherData>"
            + "</xenc:EncryptedData></saml:EncryptedAssertion>"
    }
}
