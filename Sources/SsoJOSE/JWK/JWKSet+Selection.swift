extension JWKSet {
    /// Picks the one key that may verify a token with this header (RFC 7515 §6, OIDC Core §10.1).
    /// `kid`s are compared as exact UTF-8 bytes (KELVIN SIGN is not `K`).
    ///
    /// - With a `kid`: the key with that `kid` that fits the algorithm. No key, usable or skipped,
    ///   with the `kid` → ``SsoError/Code/joseKeyNotFound`` (SsoOIDC refetches the JWKS once);
    ///   usable keys with the `kid` that do not fit → ``SsoError/Code/joseKeyMismatch``; the `kid`
    ///   names only skipped keys, or a skipped one is what might fit →
    ///   ``SsoError/Code/joseKeyUnusable``, with the skip reason (SsoOIDC refetches on it too).
    /// - Without a `kid`: the only key that fits; none → ``SsoError/Code/joseKeyNotFound`` (or
    ///   ``SsoError/Code/joseKeyUnusable`` when a skipped key might have fitted), several →
    ///   ``SsoError/Code/joseKeyAmbiguous``.
    ///
    /// A skipped key that could not be read (malformed, `x5c` mismatch) and whose declared
    /// `kty`/`crv`/`alg` might fit counts as a candidate: beside a usable key it makes the choice
    /// ``SsoError/Code/joseKeyAmbiguous``. Had it parsed, the set would hold two keys the token
    /// could mean (or be refused for a duplicate `kid`); picking the readable one would let a
    /// parse failure decide which key verifies. Keys refused as weak or unsupported were
    /// understood and can never verify, so they make nothing ambiguous.
    ///
    /// Never falls back to a default key, never tries several keys, and never looks at the header's
    /// `jku`, `x5u`, `jwk` or `x5c`. HMAC algorithms never select a key from a set.
    package func selectKey(for header: JWSHeader) throws(SsoError) -> JWK {
        let algorithm = header.algorithm
        guard !algorithm.isHMAC else {
            throw SsoError(.joseKeyMismatch, "HMAC tokens are verified with the configured secret, not a JWKS key")
        }
        guard let kid = header.keyID else { return try selectWithoutKeyID(algorithm) }
        let named = keys.filter { $0.keyID.bytesEqual(kid) }
        let fitting = named.filter { $0.fits(algorithm) }
        let skippedNamed = skipped.filter { $0.keyID.bytesEqual(kid) }
        let couldServe = skippedNamed.filter { $0.mightFit(algorithm) }
        let unreadable = couldServe.first(where: \.isUnreadable)
        let quoted = JOSEText.quoted(kid)
        guard fitting.count <= 1 else {
            throw SsoError(.joseKeyAmbiguous, "several keys with the kid \(quoted) fit \(algorithm)")
        }
        if let key = fitting.first {
            if let unreadable {
                throw SsoError(
                    .joseKeyAmbiguous,
                    "the kid \(quoted) also names a key that could not be read "
                        + "(\(unreadable.reason)); refusing to choose")
            }
            return key
        }
        if let skip = unreadable ?? couldServe.first ?? (named.isEmpty ? skippedNamed.first : nil) {
            throw SsoError(.joseKeyUnusable, "the key \(quoted) is not usable: \(skip.reason)")
        }
        guard !named.isEmpty else {
            throw SsoError(.joseKeyNotFound, "no key has the kid \(quoted)")
        }
        throw SsoError(.joseKeyMismatch, "the key \(quoted) cannot verify \(algorithm) signatures")
    }

    private func selectWithoutKeyID(_ algorithm: JWSAlgorithm) throws(SsoError) -> JWK {
        var fitting: JWK?
        for key in keys where key.fits(algorithm) {
            guard fitting == nil else {
                throw SsoError(
                    .joseKeyAmbiguous,
                    "the token has no kid and several keys fit \(algorithm); refusing to guess")
            }
            fitting = key
        }
        let couldServe = skipped.filter { $0.mightFit(algorithm) }
        if let fitting {
            if let unreadable = couldServe.first(where: \.isUnreadable) {
                throw SsoError(
                    .joseKeyAmbiguous,
                    "the token has no kid, and besides the key that fits \(algorithm) "
                        + "a key that could not be read might (\(unreadable.reason)); refusing to guess")
            }
            return fitting
        }
        if let skip = couldServe.first(where: \.isUnreadable) ?? couldServe.first {
            throw SsoError(
                .joseKeyUnusable,
                "the token has no kid and the only keys that might fit \(algorithm) "
                    + "are not usable: \(skip.reason)")
        }
        throw SsoError(.joseKeyNotFound, "the token has no kid and no key fits \(algorithm)")
    }
}
