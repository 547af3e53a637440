import Crypto

/// Proof Key for Code Exchange with the `S256` method (RFC 7636).
package struct PKCE: Sendable, Hashable {
    /// The secret kept by the relying party and sent to the token endpoint (43 characters of
    /// base64url for 256 random bits; RFC 7636 §4.1 allows 43–128 unreserved characters).
    package let codeVerifier: String
    /// `BASE64URL(SHA256(ASCII(code_verifier)))` (RFC 7636 §4.2), sent in the authorization request.
    package var codeChallenge: String { Self.challenge(for: codeVerifier) }
    /// Always `S256`; `plain` is never used.
    package var codeChallengeMethod: String { "S256" }

    /// A new verifier of 256 bits from `random`.
    package init(random: any RandomSource) throws(SsoError) {
        codeVerifier = try RandomToken.make(from: random, purpose: "PKCE code verifier")
    }

    /// Wraps an existing verifier (from a pending login). Throws if it is not 43–128 unreserved characters.
    package init(codeVerifier: String) throws(SsoError) {
        guard Self.isValidVerifier(codeVerifier) else {
            throw SsoError(.oidcAuthorizationInvalidParameter, "the PKCE code verifier is malformed")
        }
        self.codeVerifier = codeVerifier
    }

    /// The `S256` challenge for `verifier`.
    package static func challenge(for verifier: String) -> String {
        Base64URL.encode(Array(SHA256.hash(data: Array(verifier.utf8))))
    }

    /// Whether `verifier` has RFC 7636's form: 43–128 characters of `A–Z a–z 0–9 - . _ ~`.
    package static func isValidVerifier(_ verifier: String) -> Bool {
        let bytes = verifier.utf8
        guard (43...128).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                return true
            default:
                return false
            }
        }
    }
}

/// Unguessable values (state, nonce, PKCE verifier) from the injected random source.
enum RandomToken {
    /// Bytes drawn per value: 256 bits, twice the 128-bit minimum.
    static let byteCount = 32

    /// 32 random bytes as 43 characters of base64url. Fails closed if the source returns fewer
    /// bytes or an all-equal pattern (a broken or misconfigured source).
    static func make(from random: any RandomSource, purpose: String) throws(SsoError) -> String {
        let bytes = random.bytes(byteCount)
        guard bytes.count == byteCount, Set(bytes).count > 1 else {
            throw SsoError(.oidcConfigInvalid, "the random source returned unusable bytes for the \(purpose)")
        }
        return Base64URL.encode(bytes)
    }
}
