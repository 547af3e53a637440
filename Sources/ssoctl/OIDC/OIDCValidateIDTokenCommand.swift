import ArgumentParser
import Foundation
import SsoOIDC

/// `ssoctl oidc validate-id-token --token FILE --jwks FILE --issuer URL --client-id ID [--nonce N]
/// [--now ISO8601] [--leeway SECONDS] [--max-age SECONDS] [--access-token T] [--client-secret S]
/// [--algorithms RS256,ES256,...]`
///
/// Full ID-token validation (signature, key selection, every claim rule). Prints
/// `{"ok":true,"claims":{…},"kid":…|null,"alg":…}` and exits 0, or the error object and exits 1;
/// usage errors exit 2. An issuer containing `{tenantid}` is Entra ID's multi-tenant template:
/// `iss` must then equal it filled with the token's `tid`.
struct OIDCValidateIDTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate-id-token",
        abstract: "Validate an OpenID Connect ID token against a JWKS, issuer and client id."
    )

    @Option(name: .long, help: "The ID token (compact JWS), or - for standard input.")
    var token: String

    @Option(name: .long, help: "The provider's JWKS (or a single JWK), or - for standard input.")
    var jwks: String

    @Option(name: .long, help: "The expected issuer, compared exactly.")
    var issuer: String

    @Option(name: .customLong("client-id"), help: "The client id that must be in aud.")
    var clientID: String

    @Option(name: .long, help: "The nonce sent in the authorization request; required in the token when given.")
    var nonce: String?

    @Option(name: .long, help: "Validate as of this RFC 3339 time (default: now).")
    var now: String?

    @Option(name: .long, help: "Allowed clock skew in seconds (default 60).")
    var leeway: Double?

    @Option(name: .customLong("max-age"), help: "The max_age sent, in seconds: auth_time is then required.")
    var maxAge: Int?

    @Option(name: .customLong("access-token"), help: "The access token from the same response (checks at_hash).")
    var accessToken: String?

    @Option(name: .customLong("client-secret"), help: "The client secret, the key for HS256/384/512.")
    var clientSecret: String?

    @Option(
        name: .long,
        help: "Allowed algorithms, comma-separated (default: every asymmetric one, HS* with --client-secret).")
    var algorithms: String?

    func validate() throws {
        guard !(token == "-" && jwks == "-") else {
            throw ValidationError("--token and --jwks cannot both read standard input")
        }
        if let now, Timestamp.parse(now) == nil {
            throw ValidationError("--now must be an RFC 3339 time such as 2026-03-29T12:00:00Z")
        }
        if let leeway, !(leeway >= 0 && leeway <= 86_400) {
            throw ValidationError("--leeway must be between 0 and 86400 seconds")
        }
        if let maxAge, maxAge < 0 {
            throw ValidationError("--max-age must not be negative")
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
        if issuer.isEmpty || clientID.isEmpty {
            throw ValidationError("--issuer and --client-id cannot be empty")
        }
        if nonce?.isEmpty == true || accessToken?.isEmpty == true {
            throw ValidationError("--nonce and --access-token cannot be empty")
        }
    }

    func run() throws {
        do throws(SsoError) {
            let (validated, tokenText) = try check()
            CommandOutput.succeed([
                "claims": Self.exactClaims(tokenText) ?? validated.claims.json.foundationValue,
                "kid": validated.keyID.map { $0 as Any } ?? NSNull(),
                "alg": validated.algorithm.rawValue,
            ])
        } catch {
            throw CommandOutput.reject(error)
        }
    }

    /// The validated payload read again by Foundation, which keeps integers beyond 2^53 exact
    /// (SsoJOSE reads numbers as `Double`, enough for every claim rule).
    static func exactClaims(_ tokenText: String) -> Any? {
        guard let payload = try? JWS.parse(tokenText).payload else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(payload))
    }

    private func check() throws(SsoError) -> (ValidatedIDToken, String) {
        let secret = clientSecret.map { Secret($0) }
        let allowed: Set<JWSAlgorithm>
        if let algorithms {
            allowed = try JWSAlgorithm.parseList(algorithms)
        } else {
            allowed = secret == nil ? JWSAlgorithm.asymmetric : JWSAlgorithm.asymmetric.union(JWSAlgorithm.hmac)
        }
        let limits = JOSELimits.default
        let tokenBytes = try CommandOutput.readInput(token, limit: limits.maxTokenBytes * 4)
        let keyBytes = try CommandOutput.readInput(jwks, limit: limits.maxJWKSBytes)
        let keys = try JWKSet.parseSetOrKey(keyBytes, limits: limits)
        let tokenText = String(decoding: Self.trimmingTrailingWhitespace(tokenBytes), as: UTF8.self)
        let verifier = IDTokenVerifier(
            issuer: issuer, clientID: clientID, clientSecret: secret, algorithms: allowed,
            issuerPolicy: issuer.contains("{tenantid}") ? .entraMultiTenant() : .exact, leeway: leeway ?? 60)
        let instant = now.flatMap(Timestamp.parse) ?? SystemClock().now
        let validated = try verifier.validate(
            tokenText, keys: keys,
            expectations: .init(nonce: nonce, maxAge: maxAge, accessToken: accessToken.map { Secret($0) }, now: instant)
        )
        return (validated, tokenText)
    }

    /// Token files often end with a newline (`echo`): drop trailing ASCII whitespace only.
    static func trimmingTrailingWhitespace(_ bytes: [UInt8]) -> [UInt8] {
        var end = bytes.count
        while end > 0, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[end - 1]) { end -= 1 }
        return Array(bytes[..<end])
    }
}
