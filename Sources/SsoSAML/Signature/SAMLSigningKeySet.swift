import CXMLSec
import Foundation
import SsoCore
import SwiftASN1

/// The IdP signing certificates a response may be verified with — and nothing else.
///
/// Built once per connection from the metadata's signing certificates (several during a
/// rollover). The keys are loaded into xmlsec up front; a message's own `KeyInfo` is never used.
public struct SAMLSigningKeySet: Sendable {
    /// One loaded certificate.
    package struct Entry: Sendable {
        package let key: XMLSecKey
        package let bits: Int
        package let isRSA: Bool
        package let isEC: Bool
        package let notValidBefore: Date
        package let notValidAfter: Date
        package let derBytes: [UInt8]
    }

    package let entries: [Entry]

    /// Loads the IdP's signing certificates (`IdPMetadata.signingCertificates`). Throws
    /// `saml.signature.no_trusted_key` when the list is empty or one of them cannot verify XML
    /// signatures (xmlsec cannot read it, or its key is neither RSA nor EC).
    public init(certificates: [SAMLCertificate]) throws(SsoError) {
        guard !certificates.isEmpty else {
            throw SsoError(.samlSignatureNoTrustedKey, "no IdP signing certificate is configured")
        }
        var entries: [Entry] = []
        for certificate in certificates {
            do throws(SsoError) {
                entries.append(try Self.entry(for: certificate))
            } catch  where error.code == .samlLibraryUnavailable {
                throw error
            } catch {
                throw SsoError(
                    .samlSignatureNoTrustedKey, "an IdP signing certificate is not usable: \(error.message)",
                    underlying: error)
            }
        }
        self.entries = entries
    }

    /// Loads one certificate's key into xmlsec: the check `IdPMetadata.parse` runs on every
    /// signing certificate, so that parsed metadata always yields a key set. Throws
    /// `saml.certificate.malformed` when xmlsec (OpenSSL) cannot read the certificate and
    /// `saml.certificate.unsupported_key` when its key is neither RSA nor EC, the only kinds the
    /// allowed signature methods use (xmlsec 1.2 has no EdDSA).
    package static func entry(for certificate: SAMLCertificate) throws(SsoError) -> Entry {
        guard certificate.publicKeyAlgorithm == "RSA" || certificate.publicKeyAlgorithm == "EC" else {
            throw unsupported(certificate)
        }
        let key: XMLSecKey
        do throws(SsoError) {
            key = try XMLSecKey.load(certificate.derBytes, format: Int32(xmlSecKeyDataFormatCertDer.rawValue))
        } catch  where error.code == .samlLibraryUnavailable {
            throw error
        } catch {
            throw SsoError(
                .samlCertificateMalformed,
                "xmlsec cannot read the \(certificate.publicKeyAlgorithm) certificate \(certificate.sha256Fingerprint)")
        }
        var kind: Int32 = 0
        let bits = Int(cxmlsec_key_info(key.pointer, &kind))
        guard kind == 1 || kind == 2 else { throw unsupported(certificate) }
        return Entry(
            key: key, bits: bits, isRSA: kind == 1, isEC: kind == 2, notValidBefore: certificate.notValidBefore,
            notValidAfter: certificate.notValidAfter, derBytes: certificate.derBytes)
    }

    private static func unsupported(_ certificate: SAMLCertificate, file: String = #fileID, line: Int = #line)
        -> SsoError
    {
        SsoError(
            .samlCertificateUnsupportedKey,
            "the \(certificate.publicKeyAlgorithm) certificate \(certificate.sha256Fingerprint) cannot verify XML "
                + "signatures: only RSA and EC keys can", file: file, line: line)
    }

    /// Loads the IdP's signing certificates from metadata.
    public init(metadata: IdPMetadata) throws(SsoError) {
        try self.init(certificates: metadata.signingCertificates)
    }

    /// Loads DER-encoded X.509 certificates.
    public init(derCertificates: [[UInt8]]) throws(SsoError) {
        var certificates: [SAMLCertificate] = []
        for (index, der) in derCertificates.enumerated() {
            do {
                certificates.append(try SAMLCertificate(derBytes: der))
            } catch {
                throw SsoError(
                    .samlSignatureNoTrustedKey, "IdP certificate #\(index + 1) is not usable: \(error.message)")
            }
        }
        try self.init(certificates: certificates)
    }

    /// Loads PEM text holding one or more `CERTIFICATE` blocks.
    public init(pemCertificates pem: String) throws(SsoError) {
        var ders: [[UInt8]] = []
        let documents: [PEMDocument]
        do {
            documents = try PEMDocument.parseMultiple(pemString: pem)
        } catch {
            throw SsoError(.samlSignatureNoTrustedKey, "the PEM text holds no readable certificate")
        }
        for document in documents where document.discriminator == "CERTIFICATE" {
            ders.append(document.derBytes)
        }
        try self.init(derCertificates: ders)
    }

    /// The number of certificates.
    public var count: Int { entries.count }
}

/// An xmlsec key (`xmlSecKeyPtr`), destroyed when the last reference goes. Never mutated after
/// loading; each use duplicates it into its own context.
package final class XMLSecKey: @unchecked Sendable {
    package let pointer: xmlSecKeyPtr

    private init(pointer: xmlSecKeyPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlSecKeyDestroy(pointer)
    }

    /// Loads `bytes` in the xmlsec key-data `format`.
    package static func load(_ bytes: [UInt8], format: Int32) throws(SsoError) -> XMLSecKey {
        try XMLSecurityLibrary.ensureInitialized()
        let pointer = bytes.withUnsafeBufferPointer { buffer in
            cxmlsec_key_load(buffer.baseAddress, Int32(buffer.count), format)
        }
        guard let pointer else {
            throw SsoError(.samlSignatureNoTrustedKey, "xmlsec could not load the key")
        }
        return XMLSecKey(pointer: pointer)
    }
}
