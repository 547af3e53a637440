import Crypto
import Foundation
import SsoCore

/// The keys a durable store seals connection secrets with (AES-256-GCM): one current key that
/// seals, and older keys that still open what they sealed, so keys can rotate.
///
/// Each sealed value names its key by a key id derived from the key (HMAC-SHA256, never the
/// key itself), and is bound to the row it belongs to: a ciphertext copied into another row
/// does not open. The host supplies the keys (e.g. 32 random bytes, base64, from its secret
/// manager); nothing in the store can recover a secret without them.
public struct SsoSecretsKeyring: Sendable {
    /// The size of a key in bytes.
    public static let keyByteCount = 32

    private let keys: [String: SymmetricKey]
    /// The id of the key that seals.
    public let currentKeyID: String

    /// A keyring sealing with `current` and also opening with `previous`.
    /// - Throws: `store.secrets_key_invalid` for a key that is not 32 bytes.
    public init(current: [UInt8], previous: [[UInt8]] = []) throws(SsoError) {
        var keys: [String: SymmetricKey] = [:]
        for bytes in [current] + previous {
            guard bytes.count == Self.keyByteCount else {
                throw SsoError(.storeSecretsKeyInvalid, "a secrets key must be \(Self.keyByteCount) bytes")
            }
            let key = SymmetricKey(data: bytes)
            keys[Self.keyID(of: key)] = key
        }
        self.keys = keys
        self.currentKeyID = Self.keyID(of: SymmetricKey(data: current))
    }

    /// A keyring from base64 keys (standard alphabet, surrounding whitespace ignored).
    /// - Throws: `store.secrets_key_invalid`.
    public init(base64Current: String, base64Previous: [String] = []) throws(SsoError) {
        func decode(_ text: String) throws(SsoError) -> [UInt8] {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let data = Data(base64Encoded: trimmed) else {
                throw SsoError(.storeSecretsKeyInvalid, "a secrets key must be base64")
            }
            return Array(data)
        }
        var previous: [[UInt8]] = []
        for text in base64Previous { previous.append(try decode(text)) }
        try self.init(current: try decode(base64Current), previous: previous)
    }

    /// The ids of every key the keyring holds.
    public var keyIDs: Set<String> { Set(keys.keys) }

    /// Whether the keyring can open values sealed under `keyID`.
    public func knows(keyID: String) -> Bool { keys[keyID] != nil }

    /// A sealer whose values belong to `context` (e.g. `connection:sso_conn_…`).
    public func sealer(context: String) -> some SecretSealing {
        Sealer(keyring: self, context: context)
    }

    private static func keyID(of key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("swift-sso secrets key id".utf8), using: key)
        return mac.prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    fileprivate func key(_ id: String) -> SymmetricKey? { keys[id] }
}

/// Envelope: `sso-sealed.v1.<key id>.<base64url(nonce ‖ ciphertext ‖ tag)>`, with the key id
/// and the context authenticated as associated data.
private struct Sealer: SecretSealing {
    static let prefix = "sso-sealed.v1."
    let keyring: SsoSecretsKeyring
    let context: String

    func seal(_ plaintext: String) throws -> String {
        guard let key = keyring.key(keyring.currentKeyID) else {
            throw SsoError(.storeSecretsKeyMissing, "the current secrets key is not in the keyring")
        }
        let box = try AES.GCM.seal(
            Array(plaintext.utf8), using: key, authenticating: associatedData(keyring.currentKeyID))
        guard let combined = box.combined else {
            throw SsoError(.storeSecretUnreadable, "a secret could not be sealed")
        }
        return Self.prefix + keyring.currentKeyID + "." + Base64URL.encode(Array(combined))
    }

    func open(_ sealed: String) throws -> String {
        guard sealed.hasPrefix(Self.prefix) else {
            throw SsoError(.storeSecretUnreadable, "a stored secret is not sealed (\(context))")
        }
        let parts = sealed.dropFirst(Self.prefix.count).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let bytes = try? Base64URL.decode(String(parts[1])) else {
            throw SsoError(.storeSecretUnreadable, "a stored secret is malformed (\(context))")
        }
        let keyID = String(parts[0])
        guard let key = keyring.key(keyID) else {
            throw SsoError(
                .storeSecretsKeyMissing, "a stored secret is sealed with key \(keyID), which the keyring does not hold")
        }
        do {
            let box = try AES.GCM.SealedBox(combined: bytes)
            let plain = try AES.GCM.open(box, using: key, authenticating: associatedData(keyID))
            guard let text = String(bytes: plain, encoding: .utf8) else { throw CryptoKitError.authenticationFailure }
            return text
        } catch {
            throw SsoError(.storeSecretUnreadable, "a stored secret does not open with key \(keyID) (\(context))")
        }
    }

    private func associatedData(_ keyID: String) -> [UInt8] {
        Array("swift-sso secret v1|\(keyID)|\(context)".utf8)
    }
}
