import Foundation

/// Encrypts secrets for a durable store: set an instance as `userInfo[.ssoSecretSealer]` of the
/// encoder and decoder, and every ``Secret`` (and every connection secret) encodes sealed and
/// decodes opened. Without one, secrets encode as `<redacted>`.
public protocol SecretSealing: Sendable {
    /// The sealed form of `plaintext`: ciphertext and the id of the key that sealed it.
    func seal(_ plaintext: String) throws -> String
    /// The plaintext of a value ``seal(_:)`` produced; throws when the key is unknown or the
    /// value was altered.
    func open(_ sealed: String) throws -> String
}

extension CodingUserInfoKey {
    /// The ``SecretSealing`` a durable store encodes and decodes secrets with.
    public static let ssoSecretSealer = CodingUserInfoKey(rawValue: "sso.secretSealer")!
}
