import Crypto
import Foundation
import SsoCore
import SsoSAML
import X509
import _CryptoExtras

/// XML Encryption of one element of a SAML document for tests, implemented with swift-crypto
/// (independently of the xmlsec decryption under test): the element is replaced by an
/// `xenc:EncryptedData` (`Type` Element) whose `KeyInfo` holds one `xenc:EncryptedKey` for the
/// SP certificate, as `xmlsec1 --encrypt` writes it.
///
/// ```swift
/// let xml = try TestSAMLEncryption.encrypt(element: "Assertion", in: wrappedXML, to: sp, content: .aes128GCM)
/// ```
///
/// - Warning: test tooling; the algorithms include deliberately weak ones (RSA PKCS#1 v1.5).
public enum TestSAMLEncryption {
    /// The content encryption algorithm (`EncryptionMethod` of the `EncryptedData`).
    public enum Content: String, Sendable, Hashable, CaseIterable {
        /// AES-128 in CBC mode (XML Encryption 1.0): unauthenticated, malleable ciphertext.
        case aes128CBC = "aes128-cbc"
        /// AES-192 in CBC mode (XML Encryption 1.0): unauthenticated, malleable ciphertext.
        case aes192CBC = "aes192-cbc"
        /// AES-256 in CBC mode (XML Encryption 1.0): unauthenticated, malleable ciphertext.
        case aes256CBC = "aes256-cbc"
        /// AES-128 in GCM mode (XML Encryption 1.1): authenticated.
        case aes128GCM = "aes128-gcm"
        /// AES-192 in GCM mode (XML Encryption 1.1): authenticated.
        case aes192GCM = "aes192-gcm"
        /// AES-256 in GCM mode (XML Encryption 1.1): authenticated.
        case aes256GCM = "aes256-gcm"

        /// The algorithm URI (XML Encryption 1.0 for CBC, 1.1 for GCM).
        public var uri: String {
            isGCM ? "http://www.w3.org/2009/xmlenc11#\(rawValue)" : "http://www.w3.org/2001/04/xmlenc#\(rawValue)"
        }

        var isGCM: Bool { self == .aes128GCM || self == .aes192GCM || self == .aes256GCM }

        var keyBytes: Int {
            switch self {
            case .aes128CBC, .aes128GCM: 16
            case .aes192CBC, .aes192GCM: 24
            case .aes256CBC, .aes256GCM: 32
            }
        }
    }

    /// The key transport algorithm (`EncryptionMethod` of the `EncryptedKey`).
    public enum KeyTransport: String, Sendable, Hashable, CaseIterable {
        /// RSA-OAEP with SHA-1 and MGF1-SHA-1 (`xmlenc#rsa-oaep-mgf1p`).
        case rsaOAEP = "rsa-oaep-mgf1p"
        /// RSA PKCS#1 v1.5 (`xmlenc#rsa-1_5`), padding-oracle prone: for tests that it is refused.
        case rsa15 = "rsa-1_5"

        /// The algorithm URI.
        public var uri: String { "http://www.w3.org/2001/04/xmlenc#\(rawValue)" }
    }

    /// `xml` with its first element whose local name is `element` (any prefix; nested elements
    /// of the same name included in it) replaced by its encryption to the certificate of `sp`.
    /// The element is encrypted as written, so it must declare the namespace prefixes it uses.
    /// - Throws: `testing.saml_idp_failed` when no such element exists or encryption fails.
    public static func encrypt(
        element: String, in xml: String, to sp: TestSAMLKeyPair, content: Content = .aes256CBC,
        keyTransport: KeyTransport = .rsaOAEP, random: any RandomSource = SystemRandomSource()
    ) throws(SsoError) -> String {
        let bytes = Array(xml.utf8)
        guard let span = XMLElementSpan.first(named: element, in: bytes) else {
            throw SsoError(.testingSAMLIdPFailed, "the XML has no <\(element)> element to encrypt")
        }
        let certificate = try SAMLCertificate(pem: sp.certificatePEM)
        let encrypted = try encryptedData(
            Array(bytes[span]), to: certificate, content: content, keyTransport: keyTransport, random: random)
        return String(decoding: bytes[..<span.lowerBound], as: UTF8.self) + encrypted
            + String(decoding: bytes[span.upperBound...], as: UTF8.self)
    }

    /// The `xenc:EncryptedData` element holding `plaintext` (a serialized element).
    public static func encryptedData(
        _ plaintext: [UInt8], to certificate: SAMLCertificate, content: Content = .aes256CBC,
        keyTransport: KeyTransport = .rsaOAEP, random: any RandomSource = SystemRandomSource()
    ) throws(SsoError) -> String {
        let keyBytes = random.bytes(content.keyBytes)
        let cipherValue: [UInt8]
        let wrappedKey: [UInt8]
        do {
            let key = SymmetricKey(data: keyBytes)
            if content.isGCM {
                let nonce = random.bytes(12)
                let sealed = try AES.GCM.seal(plaintext, using: key, nonce: try AES.GCM.Nonce(data: nonce))
                cipherValue = nonce + Array(sealed.ciphertext) + Array(sealed.tag)
            } else {
                let iv = random.bytes(16)
                cipherValue = iv + Array(try AES._CBC.encrypt(plaintext, using: key, iv: try AES._CBC.IV(ivBytes: iv)))
            }
            let parsed = try Certificate(derEncoded: certificate.derBytes)
            guard let signingKey = _RSA.Signing.PublicKey(parsed.publicKey) else {
                throw SsoError(.testingSAMLIdPFailed, "only RSA certificates can be encrypted to")
            }
            let publicKey = try _RSA.Encryption.PublicKey(derRepresentation: signingKey.derRepresentation)
            let padding: _RSA.Encryption.Padding =
                keyTransport == .rsaOAEP ? .PKCS1_OAEP : ._WEAK_AND_INSECURE_PKCS_V1_5
            wrappedKey = Array(try publicKey.encrypt(keyBytes, padding: padding))
        } catch let error as SsoError {
            throw error
        } catch {
            throw SsoError(.testingSAMLIdPFailed, "the element could not be encrypted")
        }
        return "<xenc:EncryptedData xmlns:xenc=\"http://www.w3.org/2001/04/xmlenc#\""
            + " Type=\"http://www.w3.org/2001/04/xmlenc#Element\">"
            + "<xenc:EncryptionMethod Algorithm=\"\(content.uri)\"/>"
            + "<ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><xenc:EncryptedKey>"
            + "<xenc:EncryptionMethod Algorithm=\"\(keyTransport.uri)\"/>"
            + "<xenc:CipherData><xenc:CipherValue>\(Base64.encode(wrappedKey))</xenc:CipherValue></xenc:CipherData>"
            + "</xenc:EncryptedKey></ds:KeyInfo>"
            + "<xenc:CipherData><xenc:CipherValue>\(Base64.encode(cipherValue))</xenc:CipherValue></xenc:CipherData>"
            + "</xenc:EncryptedData>"
    }
}
