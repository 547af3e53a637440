import SsoCore

/// What an SP-initiated login needs: the URL to send the browser to, and the request to remember.
public struct SAMLRedirectLogin: Sendable, Hashable {
    /// The AuthnRequest; store ``AuthnRequest/id`` single-use with a short TTL for `InResponseTo`.
    public let request: AuthnRequest
    /// The HTTP-Redirect binding URL (the IdP's SSO endpoint with `SAMLRequest`, `RelayState`
    /// and, when signed, `SigAlg` and `Signature`).
    public let url: String
    /// The `RelayState` carried in the URL.
    public let relayState: String?
}

extension SAMLServiceProvider {
    /// Builds an AuthnRequest to the IdP's HTTP-Redirect `SingleSignOnService` and its URL.
    ///
    /// Pass `signingKey` when the IdP wants signed requests (`IdPMetadata.wantAuthnRequestsSigned`).
    /// - Throws: `saml.request.no_endpoint`, `saml.request.relay_state_too_long`,
    ///   `saml.request.invalid_setting`, `saml.request.encoding_failed`.
    public func redirectLogin(
        to idp: IdPMetadata,
        relayState: String?,
        clock: any SsoClock,
        random: any RandomSource,
        signingKey: SAMLRequestSigningKey? = nil,
        options: AuthnRequest.Options = AuthnRequest.Options()
    ) throws(SsoError) -> SAMLRedirectLogin {
        try SAMLRedirectBinding.checkRelayState(relayState)
        let request = try makeAuthnRequest(
            to: idp, binding: SAMLBinding.httpRedirect, clock: clock, random: random,
            options: options)
        let url = try SAMLRedirectBinding.url(for: request, relayState: relayState, signingKey: signingKey)
        return SAMLRedirectLogin(request: request, url: url, relayState: relayState)
    }
}
