import Foundation
import SsoJOSE

/// A provider's OpenID Connect discovery document (OpenID Connect Discovery 1.0 §3), checked.
///
/// Parsing enforces: the issuer matches the configured one under the ``IssuerPolicy``; the
/// required members are present with the right types; `code` is a supported response type;
/// every endpoint is an absolute `https` URL (`http` only for loopback hosts) without fragment.
public struct ProviderMetadata: Sendable, Hashable {
    /// The issuer as the document states it (Entra ID multi-tenant: the `{tenantid}` template).
    public var issuer: String
    /// `authorization_endpoint`: where the user's browser is sent to log in; a checked URL.
    public var authorizationEndpoint: String
    /// `token_endpoint`: where the code is exchanged for tokens; a checked URL.
    public var tokenEndpoint: String
    /// `jwks_uri`: where the provider's signing keys are fetched; a checked URL.
    public var jwksURI: String
    /// `userinfo_endpoint`, a checked URL; `nil` when the document has none (userinfo cannot be fetched).
    public var userinfoEndpoint: String?
    /// `end_session_endpoint` (RP-initiated logout), a checked URL; `nil` when the document has none.
    public var endSessionEndpoint: String?
    /// `response_types_supported`, as listed; always contains `code` (parsing refuses it otherwise).
    public var responseTypesSupported: [String]
    /// `subject_types_supported` (`public`, `pairwise`), as listed; informational.
    public var subjectTypesSupported: [String]
    /// `id_token_signing_alg_values_supported`, as listed: names at least one signature algorithm
    /// this library knows. It does not widen ``OIDCOptions/idTokenAlgorithms``, which alone decides.
    public var idTokenSigningAlgValuesSupported: [String]
    /// `scopes_supported`, as listed; `nil` when absent. Informational: not checked against the
    /// scopes requested.
    public var scopesSupported: [String]?
    /// `claims_supported`, as listed; `nil` when absent. Informational.
    public var claimsSupported: [String]?
    /// `client_secret_basic` when the document does not say (Discovery §3).
    public var tokenEndpointAuthMethodsSupported: [String]
    /// `code_challenge_methods_supported`, as listed; `nil` when absent. Informational: PKCE `S256`
    /// is sent whatever it says.
    public var codeChallengeMethodsSupported: [String]?
    /// `grant_types_supported`, as listed; `nil` when absent (Discovery's default is
    /// `authorization_code` and `implicit`). Informational.
    public var grantTypesSupported: [String]?
    /// `authorization_response_iss_parameter_supported` (RFC 9207 §3): the provider puts `iss` in
    /// every authorization response, so a callback without it is refused. `false` unless the
    /// document has the JSON boolean `true` (any other value is ignored, as before this member was read).
    public var authorizationResponseIssParameterSupported: Bool = false

    /// Whether ``issuer`` is Entra ID's multi-tenant template, to be resolved per token from `tid`.
    public var issuerIsTenantTemplate: Bool { IssuerPolicy.isTenantTemplate(issuer) }

    /// Parses and checks a discovery document fetched for `configuredIssuer`.
    public static func parse(
        _ bytes: some Collection<UInt8>, configuredIssuer: String, options: DiscoveryOptions = DiscoveryOptions()
    ) throws(SsoError) -> ProviderMetadata {
        let limits = JSONLimits(maxBytes: options.maxDocumentBytes, maxDepth: 16)
        guard bytes.count <= options.maxDocumentBytes else {
            throw SsoError(.inputTooLarge, "the discovery document is larger than \(options.maxDocumentBytes) bytes")
        }
        let reader = try JSONObjectReader(
            parsing: Array(bytes), limits: limits, what: "discovery document", notObject: .oidcDiscoveryInvalidJSON,
            missing: .oidcDiscoveryMissingField, invalid: .oidcDiscoveryInvalidField)

        let issuer = try reader.string("issuer")
        guard
            options.issuerPolicy.discoveryIssuerMatches(
                issuer, configured: configuredIssuer, ignoreTrailingSlash: options.unsafeIgnoreIssuerTrailingSlash)
        else {
            throw SsoError(
                .oidcDiscoveryIssuerMismatch,
                "the discovery document's issuer \(quoted(issuer)) is not the configured issuer \(quoted(configuredIssuer))"
            )
        }
        let issuerURL =
            IssuerPolicy.isTenantTemplate(issuer)
            ? issuer.replacingOccurrences(of: IssuerPolicy.tenantPlaceholder, with: "common") : issuer
        let checkedIssuer = try checkURL(issuerURL, field: "issuer")
        guard checkedIssuer.query == nil else {
            throw SsoError(.oidcDiscoveryInvalidURL, "issuer must not contain a query")
        }

        let metadata = ProviderMetadata(
            issuer: issuer,
            authorizationEndpoint: try checkURL(
                reader.string("authorization_endpoint"), field: "authorization_endpoint"
            ).text,
            tokenEndpoint: try checkURL(reader.string("token_endpoint"), field: "token_endpoint").text,
            jwksURI: try checkURL(reader.string("jwks_uri"), field: "jwks_uri").text,
            userinfoEndpoint: try reader.optionalString("userinfo_endpoint").map { url throws(SsoError) in
                try checkURL(url, field: "userinfo_endpoint").text
            },
            endSessionEndpoint: try reader.optionalString("end_session_endpoint").map { url throws(SsoError) in
                try checkURL(url, field: "end_session_endpoint").text
            },
            responseTypesSupported: try reader.strings("response_types_supported"),
            subjectTypesSupported: try reader.strings("subject_types_supported"),
            idTokenSigningAlgValuesSupported: try reader.strings("id_token_signing_alg_values_supported"),
            scopesSupported: try reader.optionalStrings("scopes_supported"),
            claimsSupported: try reader.optionalStrings("claims_supported"),
            tokenEndpointAuthMethodsSupported: try reader.optionalStrings("token_endpoint_auth_methods_supported")
                ?? ["client_secret_basic"],
            codeChallengeMethodsSupported: try reader.optionalStrings("code_challenge_methods_supported"),
            grantTypesSupported: try reader.optionalStrings("grant_types_supported")
        )
        var checked = metadata
        if case .bool(true)? = reader.members["authorization_response_iss_parameter_supported"] {
            checked.authorizationResponseIssParameterSupported = true
        }
        // `response_types_supported` lists combinations ("code id_token"); the plain code flow is "code".
        guard metadata.responseTypesSupported.contains("code") else {
            throw SsoError(
                .oidcDiscoveryCodeFlowUnsupported, "the provider does not list `code` in response_types_supported")
        }
        // Discovery §3 requires RS256 here; only a list with no signing algorithm at all (`["none"]`,
        // unknown names) is refused, so providers that sign with ES256 or EdDSA alone still work.
        guard metadata.idTokenSigningAlgValuesSupported.contains(where: { JWSAlgorithm(rawValue: $0) != nil }) else {
            throw SsoError(
                .oidcDiscoveryInvalidField,
                "id_token_signing_alg_values_supported lists no signature algorithm (unsigned ID tokens are never accepted)"
            )
        }
        return checked
    }

    private static func checkURL(_ text: String, field: String) throws(SsoError) -> EndpointURL {
        try EndpointURL(text, field: field, invalid: .oidcDiscoveryInvalidURL, insecure: .oidcDiscoveryInsecureURL)
    }

    /// `text` quoted for a message, shortened to keep attacker-chosen input from flooding logs.
    static func quoted(_ text: String) -> String {
        let printable = String(
            String.UnicodeScalarView(text.unicodeScalars.prefix(200).filter { $0.value >= 0x20 && $0.value != 0x7F }))
        return "\"\(printable)\(text.unicodeScalars.count > 200 ? "…" : "")\""
    }
}
