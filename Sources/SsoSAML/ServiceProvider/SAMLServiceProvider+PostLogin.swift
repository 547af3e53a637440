import SsoCore

extension SAMLServiceProvider {
    /// Builds an AuthnRequest to the IdP's HTTP-POST `SingleSignOnService` and the page that posts it.
    ///
    /// Pass `signingKey` when the IdP wants signed requests (`IdPMetadata.wantAuthnRequestsSigned`):
    /// on this binding the signature is an enveloped XML signature inside the request.
    /// `signingCertificate` (default: this SP's ``signingCertificate``) goes into its `KeyInfo`
    /// and must hold the key's public half.
    /// - Throws: `saml.request.no_endpoint`, `saml.request.relay_state_too_long`,
    ///   `saml.request.invalid_setting`, `saml.request.encoding_failed`.
    public func postLogin(
        to idp: IdPMetadata,
        relayState: String?,
        clock: any SsoClock,
        random: any RandomSource,
        signingKey: SAMLRequestSigningKey? = nil,
        signingCertificate: SAMLCertificate? = nil,
        options: AuthnRequest.Options = AuthnRequest.Options()
    ) throws(SsoError) -> SAMLPostLogin {
        try SAMLRedirectBinding.checkRelayState(relayState)
        var request = try makeAuthnRequest(
            to: idp, binding: SAMLBinding.httpPost, clock: clock, random: random, options: options)
        if let signingKey {
            request = try request.signed(with: signingKey, certificate: signingCertificate ?? self.signingCertificate)
        }
        let html = try SAMLPostBinding.formHTML(for: request, relayState: relayState)
        return SAMLPostLogin(request: request, formHTML: html, relayState: relayState)
    }
}
