import Crypto
import Foundation
import Sso
import SsoCore

/// The key that signs SSO cookies (HMAC-SHA256), with a separate derived key per purpose so a
/// value signed for one cookie is never accepted by another.
public struct SsoCookieKey: Sendable {
    private let key: SymmetricKey

    /// A key from at least 32 secret bytes (e.g. the deployment's secrets key).
    /// - Throws: `http.cookie_key_invalid` when `bytes` is shorter.
    public init(_ bytes: [UInt8]) throws(SsoError) {
        guard bytes.count >= 32 else {
            throw SsoError(.cookieKeyInvalid, "the cookie key needs at least 32 secret bytes")
        }
        key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: bytes), info: Data("swift-sso cookie key v1".utf8), outputByteCount: 32
        )
    }

    /// A fresh random key: cookies signed with it die with the process.
    public static func random() -> SsoCookieKey {
        SsoCookieKey(derived: SymmetricKey(size: .bits256))
    }

    private init(derived: SymmetricKey) { key = derived }

    /// `purpose|value` signed: `value` and a tag, both base64url, joined by a dot.
    func sign(_ value: String, purpose: String) -> String {
        "\(Base64URL.encode(Array(value.utf8))).\(Base64URL.encode(tag(value, purpose: purpose)))"
    }

    /// The value a ``sign(_:purpose:)`` output carries, if its tag is valid for `purpose`.
    func verify(_ signed: String, purpose: String) -> String? {
        let parts = signed.split(separator: ".", omittingEmptySubsequences: false)
        guard signed.utf8.count <= 4096, parts.count == 2, let value = try? Base64URL.decode(parts[0]),
            let tag = try? Base64URL.decode(parts[1])
        else { return nil }
        let text = String(decoding: value, as: UTF8.self)
        let message = Array("\(purpose)|\(text)".utf8)
        guard HMAC<SHA256>.isValidAuthenticationCode(tag, authenticating: message, using: key) else { return nil }
        return text
    }

    private func tag(_ value: String, purpose: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array("\(purpose)|\(value)".utf8), using: key))
    }
}

extension SsoError.Code {
    /// The cookie key given to the SSO routes is too short.
    public static let cookieKeyInvalid: Self = "http.cookie_key_invalid"
}
