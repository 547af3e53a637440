extension JWKSet {
    /// Picks the one key that may verify a token with this header (RFC 7515 §6, OIDC Core §10.1).
    ///
    /// - With a `kid`: the key with that `kid` that fits the algorithm. No key with the `kid` →
    ///   ``SsoError/Code/joseKeyNotFound`` (SsoOIDC refetches the JWKS once on this code); keys
    ///   with the `kid` that do not fit → ``SsoError/Code/joseKeyMismatch``.
    /// - Without a `kid`: the only key that fits; none → ``SsoError/Code/joseKeyNotFound``,
    ///   several → ``SsoError/Code/joseKeyAmbiguous``.
    ///
    /// Never falls back to a default key, never tries several keys, and never looks at the header's
    /// `jku`, `x5u`, `jwk` or `x5c`. HMAC algorithms never select a key from a set.
    public func selectKey(for header: JWSHeader) throws(SsoError) -> JWK {
        let algorithm = header.algorithm
        guard !algorithm.isHMAC else {
            throw SsoError(.joseKeyMismatch, "HMAC tokens are verified with the configured secret, not a JWKS key")
        }
        if let kid = header.keyID {
            var named = 0
            var fitting: JWK?
            var fittingCount = 0
            for key in keys where key.keyID == kid {
                named += 1
                if key.fits(algorithm) {
                    fitting = key
                    fittingCount += 1
                }
            }
            guard named > 0 else {
                if let skip = skipped.first(where: { $0.keyID == kid }) {
                    throw SsoError(.joseKeyMismatch,
                                   "the key \(JOSEText.quoted(kid)) was not usable: \(skip.reason)")
                }
                throw SsoError(.joseKeyNotFound, "no key has the kid \(JOSEText.quoted(kid))")
            }
            guard fittingCount <= 1 else {
                throw SsoError(.joseKeyAmbiguous, "several keys with the kid \(JOSEText.quoted(kid)) fit \(algorithm)")
            }
            guard let fitting else {
                throw SsoError(.joseKeyMismatch, "the key \(JOSEText.quoted(kid)) cannot verify \(algorithm) signatures")
            }
            return fitting
        }
        var fitting: JWK?
        for key in keys where key.fits(algorithm) {
            guard fitting == nil else {
                throw SsoError(.joseKeyAmbiguous,
                               "the token has no kid and several keys fit \(algorithm); refusing to guess")
            }
            fitting = key
        }
        guard let fitting else {
            throw SsoError(.joseKeyNotFound, "the token has no kid and no key fits \(algorithm)")
        }
        return fitting
    }
}
