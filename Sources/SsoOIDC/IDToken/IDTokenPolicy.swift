import Foundation
import SsoJOSE

/// Every OpenID Connect rule an ID token's claims must satisfy for one provider and client
/// (OpenID Connect Core §3.1.3.7, §3.1.3.6, §3.3.2.11), like go-oidc's `IDTokenVerifier` config.
///
/// In order: the Entra ID tenant (`tid`, for a `{tenantid}` issuer), `typ` (a JWT typed for another
/// purpose is refused), `iss`, `sub`, `aud` (must contain the client id), `azp`, the time claims
/// (SsoJOSE's ``/SsoJOSE/JWTClaimsValidator``), `auth_time`/`max_age`, `nonce`, `at_hash`, `c_hash`. Each
/// failed rule throws its own code (`jose.claims.*`, `oidc.id_token.*`). Required checks cannot be
/// switched off; the per-login values come in ``IDTokenExpectations``.
public struct IDTokenPolicy: Sendable {
    /// How `iss` is matched.
    public var issuer: IssuerMatcher
    /// The client id that must be in `aud` (and equal `azp` when present).
    public var clientID: String
    /// Clock skew tolerated for `exp`, `nbf`, `iat` and `auth_time`, in seconds (default 60).
    public var leeway: TimeInterval
    /// Require `at_hash` (then ``IDTokenExpectations/accessToken`` must be set).
    public var requireAtHash: Bool
    /// Require `c_hash` (then ``IDTokenExpectations/authorizationCode`` must be set).
    public var requireCHash: Bool
    /// The Entra ID tenant rule, for a provider whose issuer is the `{tenantid}` template.
    var tenantRule: TenantRule?

    enum TenantRule: Sendable {
        /// `tid` must be a canonical GUID, in `allowed` when that is set.
        case entra(allowed: Set<String>?)
        /// A template issuer under an exact issuer policy: every token is refused.
        case misconfigured
    }

    /// A policy with an explicit issuer matcher and no provider-specific tenant rule.
    public init(
        issuer: IssuerMatcher, clientID: String, leeway: TimeInterval = 60, requireAtHash: Bool = false,
        requireCHash: Bool = false
    ) {
        self.issuer = issuer
        self.clientID = clientID
        self.leeway = leeway
        self.requireAtHash = requireAtHash
        self.requireCHash = requireCHash
        tenantRule = nil
    }

    /// The policy for a provider's ``ProviderMetadata/issuer``: exact, or for Entra ID's
    /// `{tenantid}` template, the token's `tid` must be a tenant GUID allowed by `issuerPolicy`
    /// and `iss` the template filled with it.
    public init(
        providerIssuer: String, clientID: String, issuerPolicy: IssuerPolicy = .exact, leeway: TimeInterval = 60,
        requireAtHash: Bool = false, requireCHash: Bool = false
    ) {
        let isTemplate = IssuerPolicy.isTenantTemplate(providerIssuer)
        self.init(
            issuer: isTemplate
                ? .tenantTemplate(providerIssuer, placeholder: IssuerPolicy.tenantPlaceholder, tenantClaim: "tid")
                : .exact(providerIssuer),
            clientID: clientID, leeway: leeway, requireAtHash: requireAtHash, requireCHash: requireCHash)
        if isTemplate {
            if case .entraMultiTenant(let allowed) = issuerPolicy.kind {
                tenantRule = .entra(allowed: allowed)
            } else {
                tenantRule = .misconfigured
            }
        }
    }

    /// Validates the claims of a token whose signature has been verified: `claims` is its claims
    /// set (``/SsoJOSE/JWS/claimsSet(limits:)``, read once by the caller), or `nil` to read it here.
    public func validate(_ token: VerifiedJWS, claims: JSONValue? = nil, expectations: IDTokenExpectations)
        throws(SsoError) -> IDTokenClaims
    {
        let json = claims ?? token.payloadJSON
        try checkTenant(json)
        try Self.checkType(token.header.type)
        return try checkRules(json, algorithm: token.algorithm, expectations: expectations)
    }

    /// Validates `claims`; `algorithm` (the token's `alg`) chooses the hash for `at_hash`/`c_hash`.
    public func validate(claims: JSONValue, algorithm: JWSAlgorithm, expectations: IDTokenExpectations)
        throws(SsoError) -> IDTokenClaims
    {
        try checkTenant(claims)
        return try checkRules(claims, algorithm: algorithm, expectations: expectations)
    }

    private func checkTenant(_ json: JSONValue) throws(SsoError) {
        switch tenantRule {
        case nil:
            return
        case .misconfigured:
            throw SsoError(.oidcIDTokenTenantMismatch, "the issuer is a tenant template but the issuer policy is exact")
        case .entra(let allowed):
            guard let tenant = json["tid"]?.stringValue else {
                throw SsoError(.oidcIDTokenTenantMissing, "the multi-tenant ID token has no tid claim")
            }
            guard IssuerPolicy.isCanonicalGUID(tenant) else {
                throw SsoError(.oidcIDTokenTenantMismatch, "the tid claim is not a tenant GUID")
            }
            if let allowed, !allowed.containsBytes(of: tenant) {
                throw SsoError(.oidcIDTokenTenantMismatch, "the tenant \(tenant) is not allowed to sign in")
            }
        }
    }

    /// An explicitly typed JWT of another kind (`at+jwt`, `logout+jwt`, `secevent+jwt`, …) is
    /// refused, so a token minted for another purpose by the same issuer and keys cannot pass
    /// as an ID token. `JWT`, `id_token+jwt` and any other value are left alone.
    static func checkType(_ type: String?) throws(SsoError) {
        guard var value = type?.lowercased() else { return }
        if value.hasPrefix("application/") { value.removeFirst("application/".count) }
        guard !value.hasSuffix("+jwt") || value == "id_token+jwt" else {
            throw SsoError(.joseHeaderTyp, "the token's typ \(JOSEText.quoted(type ?? "")) is not an ID token type")
        }
    }
}
