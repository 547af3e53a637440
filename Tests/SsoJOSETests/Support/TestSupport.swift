import Crypto
import Foundation
import SsoJOSE
// Re-exported for every file of this target: `errorCode` (and the other shared helpers) live there.
@_exported import SsoTestSupport
import _CryptoExtras

/// Paths, encodings and token construction shared by the SsoJOSE tests.
enum TestSupport {
    /// The package root, found from this file's path (Tests/SsoJOSETests/Support/TestSupport.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/vectors/wycheproof/` beside the package root.
    static let wycheproofDirectory: URL = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/vectors/wycheproof", isDirectory: true)

    struct HexError: Error {}

    static func hex(_ text: String) throws -> [UInt8] {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { throw HexError() }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { throw HexError() }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    static func b64(_ text: String) -> String { Base64URL.encode(Array(text.utf8)) }

    /// `b64(header).b64(payload).b64(sign(input))`.
    static func compact(header: String, payload: String, sign: ([UInt8]) throws -> [UInt8]) rethrows -> String {
        let input = b64(header) + "." + b64(payload)
        return input + "." + Base64URL.encode(try sign(Array(input.utf8)))
    }

    /// Replaces the signature part of a compact token.
    static func replacingSignature(of token: String, with signature: [UInt8]) -> String {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        return parts[0] + "." + parts[1] + "." + Base64URL.encode(signature)
    }
}

/// Test keys: the RSA key is the committed test-only fixture, the others are generated.
struct TestKeys: Sendable {
    let rsa: _RSA.Signing.PrivateKey
    let p256 = P256.Signing.PrivateKey()
    let p384 = P384.Signing.PrivateKey()
    let p521 = P521.Signing.PrivateKey()
    let ed25519 = Curve25519.Signing.PrivateKey()
    let hmacSecret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

    // Not generated: RSA generation takes seconds under ThreadSanitizer, and while one pool thread
    // runs this lazy initializer every other thread asking for it blocks (the pool has 2 here).
    private static let cached = Result {
        let pem = try String(
            contentsOf: TestSupport.packageRoot.appending(path: "Fixtures/oidc/keys/test-rsa-1.pem"), encoding: .utf8)
        return try TestKeys(rsa: _RSA.Signing.PrivateKey(pemRepresentation: pem))
    }

    /// One shared set per test process.
    static func shared() throws -> TestKeys { try cached.get() }

    /// Signs `input` the way `algorithm` requires (raw r||s for ECDSA).
    func sign(_ input: [UInt8], algorithm: JWSAlgorithm) throws -> [UInt8] {
        switch algorithm {
        case .rs256:
            Array(try rsa.signature(for: SHA256.hash(data: input), padding: .insecurePKCS1v1_5).rawRepresentation)
        case .rs384:
            Array(try rsa.signature(for: SHA384.hash(data: input), padding: .insecurePKCS1v1_5).rawRepresentation)
        case .rs512:
            Array(try rsa.signature(for: SHA512.hash(data: input), padding: .insecurePKCS1v1_5).rawRepresentation)
        case .ps256: Array(try rsa.signature(for: SHA256.hash(data: input), padding: .PSS).rawRepresentation)
        case .ps384: Array(try rsa.signature(for: SHA384.hash(data: input), padding: .PSS).rawRepresentation)
        case .ps512: Array(try rsa.signature(for: SHA512.hash(data: input), padding: .PSS).rawRepresentation)
        case .es256: Array(try p256.signature(for: input).rawRepresentation)
        case .es384: Array(try p384.signature(for: input).rawRepresentation)
        case .es512: Array(try p521.signature(for: input).rawRepresentation)
        case .edDSA: Array(try ed25519.signature(for: input))
        case .hs256:
            Array(HMAC<SHA256>.authenticationCode(for: input, using: SymmetricKey(data: Array(hmacSecret.utf8))))
        case .hs384:
            Array(HMAC<SHA384>.authenticationCode(for: input, using: SymmetricKey(data: Array(hmacSecret.utf8))))
        case .hs512:
            Array(HMAC<SHA512>.authenticationCode(for: input, using: SymmetricKey(data: Array(hmacSecret.utf8))))
        }
    }

    /// A token with `{"alg":…,"kid":…}` (kid omitted when nil) over `payload`.
    func token(
        _ algorithm: JWSAlgorithm, kid: String? = nil, payload: String = #"{"sub":"alice"}"#,
        extraHeader: String = ""
    ) throws -> String {
        let kidPart = kid.map { #","kid":"\#($0)""# } ?? ""
        let header = #"{"alg":"\#(algorithm.rawValue)"\#(kidPart)\#(extraHeader)}"#
        return try TestSupport.compact(header: header, payload: payload) { try sign($0, algorithm: algorithm) }
    }

    /// The public keys as JWKs with kids `rsa`, `p256`, `p384`, `p521`, `ed`.
    func publicJWKs() throws -> [JWK] {
        [
            try JWK(rsa: rsa.publicKey, keyID: "rsa"),
            JWK(p256: p256.publicKey, keyID: "p256"),
            JWK(p384: p384.publicKey, keyID: "p384"),
            JWK(p521: p521.publicKey, keyID: "p521"),
            JWK(ed25519: ed25519.publicKey, keyID: "ed"),
        ]
    }

    func publicSet() throws -> JWKSet { try JWKSet(keys: try publicJWKs()) }

    /// The kid `token(_:kid:)` should use so the key in ``publicSet()`` fits.
    static func kid(for algorithm: JWSAlgorithm) -> String? {
        switch algorithm {
        case .rs256, .rs384, .rs512, .ps256, .ps384, .ps512: "rsa"
        case .es256: "p256"
        case .es384: "p384"
        case .es512: "p521"
        case .edDSA: "ed"
        case .hs256, .hs384, .hs512: nil
        }
    }
}
