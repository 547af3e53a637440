import ArgumentParser
import Foundation
import SsoJOSE

/// `ssoctl jose verify --token FILE --jwks FILE [--algorithms RS256,ES256,...] [--client-secret S]`
///
/// Checks the JWS structure, key selection and signature only (no claim rules; the payload may be
/// any bytes, an empty one included — a JWS need not be a JWT). Prints
/// `{"ok":true,"kid":…|null,"alg":…,"payload":"<base64url>"}` and exits 0, or the error object and
/// exits 1; usage errors exit 2.
struct JOSEVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a compact JWS against a JWKS or a single JWK (signature only, no claims)."
    )

    @Option(name: .long, help: "The compact JWS, or - for standard input.")
    var token: String

    @Option(name: .long, help: "A JWKS or a single JWK, or - for standard input.")
    var jwks: String

    @Option(
        name: .long,
        help: "Allowed algorithms, comma-separated (default: every asymmetric one, HS* with --client-secret).")
    var algorithms: String?

    @Option(name: .long, help: "The HMAC secret for HS256/384/512.")
    var clientSecret: String?

    func validate() throws {
        guard !(token == "-" && jwks == "-") else {
            throw ValidationError("--token and --jwks cannot both read standard input")
        }
        if let algorithms {
            do {
                _ = try JWSAlgorithm.parseList(algorithms)
            } catch {
                throw ValidationError("--algorithms: \(error.message)")
            }
        }
        if let clientSecret, clientSecret.isEmpty {
            throw ValidationError("--client-secret cannot be empty")
        }
    }

    func run() throws {
        do throws(SsoError) {
            let result = try verify()
            CommandOutput.succeed([
                "kid": result.keyID.map { $0 as Any } ?? NSNull(),
                "alg": result.algorithm.rawValue,
                "payload": result.encodedPayload,
            ])
        } catch {
            throw CommandOutput.reject(error)
        }
    }

    private func verify() throws(SsoError) -> VerifiedJWS {
        let secret = clientSecret.map { Secret($0) }
        var allowed: Set<JWSAlgorithm>?
        if let algorithms { allowed = try JWSAlgorithm.parseList(algorithms) }
        let options = JWSVerificationOptions(allowedAlgorithms: allowed, hmacSecret: secret)
        let tokenBytes = try CommandOutput.readInput(token)
        let keyBytes = try CommandOutput.readInput(jwks, limit: options.limits.maxJWKSBytes)
        let keys = try JWKSet.parseSetOrKey(keyBytes, limits: options.limits)
        let jws = try JWS.parse(utf8: Self.trimmed(tokenBytes), limits: options.limits)
        return try JWSVerifier(options: options).verify(jws, keys: keys)
    }

    /// Scripts write token files with `echo`: drop surrounding ASCII whitespace.
    static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
            let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return [] }
        return Array(bytes[first...last])
    }
}
