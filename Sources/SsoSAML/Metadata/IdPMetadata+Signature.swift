import Foundation
import SsoCore

extension IdPMetadata {
    /// `document` itself when no pinned certificate is configured; otherwise the root element as
    /// signed, re-parsed from the bytes xmlsec verified (nothing outside the signature is read).
    static func verifiedDocument(
        _ document: SAMLXMLDocument, now: Date, options: ParseOptions
    ) throws(SsoError) -> SAMLXMLDocument {
        guard !options.signingCertificates.isEmpty else { return document }
        let root = document.root
        guard root.firstChild(SAMLNamespace.xmlDSig, "Signature") != nil else {
            throw SsoError(.samlMetadataSignatureMissing, "the metadata is not signed, and a signature is required")
        }
        do {
            let keys = try SAMLSigningKeySet(derCertificates: options.signingCertificates.map(\.derBytes))
            try XMLSignatureVerifier.registerIDs(of: [root])
            let verifyOptions = XMLSignatureVerifier.Options(
                allowSHA1: false, minRSABits: 2048, enforceCertificateValidity: false, now: now, limits: options.limits
            )
            return try XMLSignatureVerifier.verify(root, keys: keys, options: verifyOptions)
        } catch {
            throw SsoError(
                .samlMetadataSignatureInvalid,
                "the metadata signature does not verify with the pinned certificate (\(error.code.rawValue))",
                underlying: error
            )
        }
    }
}
