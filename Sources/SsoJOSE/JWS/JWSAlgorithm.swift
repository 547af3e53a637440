/// A JWS signature algorithm this library verifies (RFC 7518 §3, RFC 8037).
///
/// `none` is not a case and never will be: a header naming it, in any spelling, is rejected
/// with `jose.alg.none`.
public enum JWSAlgorithm: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// RSASSA-PKCS1-v1_5 with SHA-256, SHA-384 or SHA-512 (RFC 7518 §3.3); verified with an RSA key.
    case rs256 = "RS256", rs384 = "RS384", rs512 = "RS512"
    /// RSASSA-PSS with SHA-256, SHA-384 or SHA-512 (RFC 7518 §3.5); verified with an RSA key.
    case ps256 = "PS256", ps384 = "PS384", ps512 = "PS512"
    /// ECDSA on P-256 with SHA-256, P-384 with SHA-384, or P-521 with SHA-512 (RFC 7518 §3.4).
    case es256 = "ES256", es384 = "ES384", es512 = "ES512"
    /// EdDSA with an Ed25519 key (RFC 8037); Ed448 is not supported.
    case edDSA = "EdDSA"
    /// HMAC with SHA-256, SHA-384 or SHA-512 (RFC 7518 §3.2): verified only with the configured
    /// secret, never with a JWKS key; allowed by default only when a secret is configured.
    case hs256 = "HS256", hs384 = "HS384", hs512 = "HS512"

    /// Every asymmetric algorithm: the default allow-list.
    public static let asymmetric: Set<JWSAlgorithm> = Set(allCases.filter { !$0.isHMAC })
    /// HS256, HS384, HS512.
    public static let hmac: Set<JWSAlgorithm> = [.hs256, .hs384, .hs512]

    public var description: String { rawValue }

    /// Whether this is an HMAC (symmetric) algorithm.
    public var isHMAC: Bool { self == .hs256 || self == .hs384 || self == .hs512 }

    /// Parses a header `alg` value. Matching is exact (case-sensitive), as RFC 7515 requires;
    /// `none` in any case throws ``SsoError/Code/joseAlgNone``, anything else unknown
    /// ``SsoError/Code/joseAlgUnsupported``.
    package init(headerValue: String) throws(SsoError) {
        if let algorithm = JWSAlgorithm(rawValue: headerValue) {
            self = algorithm
            return
        }
        if headerValue.lowercased() == "none" || headerValue.trimmingASCIIWhitespace().lowercased() == "none" {
            throw SsoError(.joseAlgNone, "unsigned tokens (alg \"none\") are never accepted")
        }
        throw SsoError(.joseAlgUnsupported, "the algorithm \(JOSEText.quoted(headerValue)) is not supported")
    }

    /// Parses a comma-separated list such as `RS256,ES256` (the CLI's `--algorithms`).
    public static func parseList(_ text: String) throws(SsoError) -> Set<JWSAlgorithm> {
        var result: Set<JWSAlgorithm> = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            result.insert(try JWSAlgorithm(headerValue: String(item).trimmingASCIIWhitespace()))
        }
        return result
    }

    /// The hash used for OpenID Connect `at_hash` / `c_hash` (for EdDSA with Ed25519: SHA-512).
    package var hashFunction: JOSEHash {
        switch self {
        case .rs256, .ps256, .es256, .hs256: .sha256
        case .rs384, .ps384, .es384, .hs384: .sha384
        case .rs512, .ps512, .es512, .hs512, .edDSA: .sha512
        }
    }
}

/// The SHA-2 function an algorithm uses.
package enum JOSEHash: Sendable {
    case sha256, sha384, sha512

    var outputBytes: Int {
        switch self {
        case .sha256: 32
        case .sha384: 48
        case .sha512: 64
        }
    }
}

/// Small text helpers for messages: untrusted values are truncated and quoted, never echoed whole.
package enum JOSEText {
    package static func quoted(_ value: String, limit: Int = 40) -> String {
        let scalars = value.unicodeScalars.prefix(limit).map { scalar -> String in
            scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\"" || scalar == "\\"
                ? scalar.escaped(asASCII: true) : String(scalar)
        }
        let suffix = value.unicodeScalars.count > limit ? "…" : ""
        return "\"" + scalars.joined() + suffix + "\""
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
