import CXMLSec
import SsoCore

/// The SP's private key for encrypted assertions and NameIDs (RSA, PEM: PKCS#1 or PKCS#8).
///
/// Its bytes never appear in an error, a description or a log.
public struct SAMLDecryptionKey: Sendable, CustomStringConvertible {
    package let key: XMLSecKey

    /// Loads an unencrypted PEM private key. Throws `saml.decryption.key_invalid` otherwise.
    public init(pem: String) throws(SsoError) {
        let loaded: XMLSecKey
        do {
            loaded = try XMLSecKey.load(Array(pem.utf8), format: Int32(xmlSecKeyDataFormatPem.rawValue))
        } catch {
            throw SsoError(.samlDecryptionKeyInvalid, "the SP decryption key is not a readable PEM private key")
        }
        var kind: Int32 = 0
        _ = cxmlsec_key_info(loaded.pointer, &kind)
        guard kind == 1, xmlSecKeyGetType(loaded.pointer) & UInt32(xmlSecKeyDataTypePrivate) != 0 else {
            throw SsoError(.samlDecryptionKeyInvalid, "the SP decryption key must be an RSA private key")
        }
        key = loaded
    }

    public var description: String { "SAMLDecryptionKey(<redacted>)" }
}
