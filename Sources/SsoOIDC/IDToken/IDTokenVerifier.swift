import Foundation
import SsoJOSE

/// Validates ID tokens of one provider for one client (OpenID Connect Core §3.1.3.7): signature
/// by a key from the provider's JWKS (or, for HS*, the client secret) under an algorithm
/// allow-list, then every claim rule of its ``IDTokenPolicy``.
///
/// An ID token is a JWT: its payload must be a JSON object (``/SsoJOSE/JWS/claimsSet(limits:)``),
/// checked before any key is looked up, with the codes this check always gave. A token whose `kid`
/// is unknown, or names only keys the JWKS had to skip (`jose.key.unusable`: a provider may publish
/// a fixed key), triggers one rate-limited JWKS refetch through the ``JWKSCache``; there is no
/// fallback to another key.
public struct IDTokenVerifier: Sendable {
    /// What a token is checked against, besides the keys and the policy.
    public typealias Expectations = IDTokenExpectations

    /// The issuer from the provider's metadata (for Entra ID multi-tenant, the `{tenantid}` template).
    public let issuer: String
    /// The client id tokens must be issued to.
    public let clientID: String
    /// The claim rules applied after the signature verified.
    public let policy: IDTokenPolicy
    private let algorithms: Set<JWSAlgorithm>
    private let verifier: JWSVerifier

    /// A verifier for the ID tokens `issuer` issues to `clientID`.
    ///
    /// - Parameters:
    ///   - issuer: ``ProviderMetadata/issuer``.
    ///   - clientID: the client id that must be in `aud` (and equal `azp` when present).
    ///   - clientSecret: used as the HMAC key, only when `algorithms` contains an HS* algorithm.
    ///   - algorithms: the `alg` allow-list; by default every asymmetric algorithm, no HS*.
    ///   - issuerPolicy: how `iss` is matched: exactly, or (Entra ID `{tenantid}` issuer) per tenant.
    ///   - leeway: clock skew tolerated for `exp`, `nbf`, `iat` and `auth_time`, in seconds.
    ///   - requireAtHash: refuse a token without `at_hash`; by default it is checked only when present.
    public init(
        issuer: String, clientID: String, clientSecret: Secret?,
        algorithms: Set<JWSAlgorithm> = JWSAlgorithm.asymmetric,
        issuerPolicy: IssuerPolicy = .exact, leeway: TimeInterval = 60, requireAtHash: Bool = false
    ) {
        self.issuer = issuer
        self.clientID = clientID
        self.algorithms = algorithms
        policy = IDTokenPolicy(
            providerIssuer: issuer, clientID: clientID, issuerPolicy: issuerPolicy, leeway: leeway,
            requireAtHash: requireAtHash)
        let hmacSecret = algorithms.contains(where: \.isHMAC) ? clientSecret : nil
        verifier = JWSVerifier(options: JWSVerificationOptions(allowedAlgorithms: algorithms, hmacSecret: hmacSecret))
    }
    /// Validates `token` with keys from `cache` (fetched from `jwksURI`), refetching once on an
    /// unknown `kid` or one that names only skipped keys.
    public func validate(_ token: String, jwksCache cache: JWKSCache, jwksURI: String, expectations: Expectations)
        async throws(SsoError) -> ValidatedIDToken
    {
        let (jws, claims) = try Self.parseJWT(token)
        let verified: VerifiedJWS
        if jws.header.algorithm.isHMAC {
            verified = try verifier.verify(jws, keys: try JWKSet(keys: []))
        } else {
            let snapshot = try await cache.snapshot(jwksURI: jwksURI)
            do {
                verified = try verifier.verify(jws, keys: snapshot.keySet)
            } catch  where Self.mayRefetch(error) && algorithms.contains(jws.header.algorithm) {
                guard
                    let newer = try await cache.refetchAfterUnknownKey(
                        jwksURI: jwksURI, seenGeneration: snapshot.generation)
                else { throw error }
                verified = try verifier.verify(jws, keys: newer.keySet)
            }
        }
        return try checkClaims(verified, claims: claims, expectations: expectations)
    }

    /// Validates `token` with a fixed key set (no fetching).
    public func validate(_ token: String, keys: JWKSet, expectations: Expectations) throws(SsoError)
        -> ValidatedIDToken
    {
        let (jws, claims) = try Self.parseJWT(token)
        return try checkClaims(try verifier.verify(jws, keys: keys), claims: claims, expectations: expectations)
    }

    /// The JWS and its claims set, read once: the JWS layer accepts any payload, an ID token is a JWT.
    /// The claims are only trusted after the signature over the same bytes has verified.
    private static func parseJWT(_ token: String) throws(SsoError) -> (JWS, JSONValue) {
        let jws = try JWS.parse(token)
        return (jws, try jws.claimsSet())
    }

    /// Errors a newer JWKS may cure: no key with the `kid`, or only keys that had to be skipped.
    private static func mayRefetch(_ error: SsoError) -> Bool {
        error.code == .joseKeyNotFound || error.code == .joseKeyUnusable
    }

    private func checkClaims(_ verified: VerifiedJWS, claims json: JSONValue, expectations: Expectations)
        throws(SsoError) -> ValidatedIDToken
    {
        let claims = try policy.validate(verified, claims: json, expectations: expectations)
        return ValidatedIDToken(claims: claims, keyID: verified.keyID, algorithm: verified.algorithm)
    }
}
