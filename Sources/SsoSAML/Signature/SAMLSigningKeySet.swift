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
    /// `saml.signature.no_trusted_key` when the list is empty or xmlsec cannot load one.
    public init(certificates: [SAMLCertificate]) throws(SsoError) {
        guard !certificates.isEmpty else {
            throw SsoError(.samlSignatureNoTrustedKey, "no IdP signing certificate is configured")
        }
        var entries: [Entry] = []
        for certificate in certificates {
            let key = try XMLSecKey.load(certificate.derBytes, format: Int32(xmlSecKeyDataFormatCertDer.rawValue))
            var kind: Int32 = 0
            let bits = Int(cxmlsec_key_info(key.pointer, &kind))
            entries.append(Entry(
                key: key, bits: bits, isRSA: kind == 1, isEC: kind == 2, notValidBefore: certificate.notValidBefore,
                notValidAfter: certificate.notValidAfter, derBytes: certificate.derBytes))
        }
        self.entries = entries
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
                throw SsoError(.samlSignatureNoTrustedKey, "IdP certificate #\(index + 1) is not usable: \(error.message)")
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
