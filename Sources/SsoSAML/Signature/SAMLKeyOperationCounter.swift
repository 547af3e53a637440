import SsoCore

/// Counts the key operations one validation runs, so tests can assert that the work an unsigned,
/// attacker-built document causes is bounded by counts, not by timing.
///
/// Passed in explicitly (`SAMLResponseCheck`, `XMLSignatureVerifier.Options`, `SAMLDecryptor`) and
/// `nil` in production: no global state, and parallel tests each count only their own run.
package final class SAMLKeyOperationCounter: Sendable {
    /// The operations counted.
    package struct Counts: Sendable, Equatable {
        /// RSA private-key operations: one per `EncryptedKey` unwrapped with the SP key.
        package var keyTransport = 0
        /// Symmetric decryptions of an `EncryptedData` (AES-CBC/GCM).
        package var contentDecryption = 0
        /// xmlsec signature verifications: digest of the Reference plus one public-key operation.
        package var signatureVerification = 0

        package init(keyTransport: Int = 0, contentDecryption: Int = 0, signatureVerification: Int = 0) {
            self.keyTransport = keyTransport
            self.contentDecryption = contentDecryption
            self.signatureVerification = signatureVerification
        }
    }

    private let state = LockedValue(Counts())

    package init() {}

    /// The operations counted so far.
    package var counts: Counts { state.withLock { $0 } }

    func recordKeyTransport() { state.withLock { $0.keyTransport += 1 } }
    func recordContentDecryption() { state.withLock { $0.contentDecryption += 1 } }
    func recordSignatureVerification() { state.withLock { $0.signatureVerification += 1 } }
}
