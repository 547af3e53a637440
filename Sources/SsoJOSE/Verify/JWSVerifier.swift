/// Verifies compact JWS tokens against a ``JWKSet`` (and, for HS*, an explicit secret).
///
/// Order of checks: size, structure and header (``JWS/parse(_:limits:)``), algorithm allow-list,
/// key selection (the one key that fits the header's `kid` and `alg`), signature. The payload is
/// never read: any bytes verify (RFC 7515). No claim is looked at: use ``JWTClaimsValidator`` (or
/// SsoOIDC's `IDTokenPolicy`) on the result, which refuses a payload that is not a JSON object.
public struct JWSVerifier: Sendable {
    /// The options this verifier applies.
    public let options: JWSVerificationOptions

    /// A verifier applying `options`; by default every asymmetric algorithm and no HMAC secret.
    public init(options: JWSVerificationOptions = JWSVerificationOptions()) {
        self.options = options
    }

    /// Parses and verifies a compact token.
    public func verify(compact token: some StringProtocol, keys: JWKSet) throws(SsoError) -> VerifiedJWS {
        try verify(try JWS.parse(token, limits: options.limits), keys: keys)
    }

    /// Verifies an already parsed token.
    public func verify(_ jws: JWS, keys: JWKSet) throws(SsoError) -> VerifiedJWS {
        let algorithm = jws.header.algorithm
        guard options.allowedAlgorithms.contains(algorithm) else {
            throw SsoError(.joseAlgNotAllowed, "the algorithm \(algorithm) is not allowed")
        }
        if algorithm.isHMAC {
            guard let secret = options.hmacSecret, !secret.isEmpty else {
                throw SsoError(.joseKeyHMACSecretMissing, "an \(algorithm) token needs a configured HMAC secret")
            }
            try HMACCheck.verify(
                jws.signature, message: jws.signingInput, key: Array(secret.unsafeValue.utf8),
                algorithm: algorithm, allowShortKey: options.unsafeAllowShortHMACSecret)
            return VerifiedJWS(jws: jws, keyID: nil, limits: options.limits)
        }
        let key = try keys.selectKey(for: jws.header)
        try key.verifySignature(jws.signature, message: jws.signingInput, algorithm: algorithm)
        return VerifiedJWS(jws: jws, keyID: key.keyID, limits: options.limits)
    }
}
