import SsoCore

/// The SAML HTTP-POST binding (bindings §3.5): an HTML page whose form posts the base64 message
/// (and `RelayState`) to the destination and submits itself.
public enum SAMLPostBinding {
    /// The auto-submitting HTML page that posts `request` to its ``AuthnRequest/destination``.
    ///
    /// With `signingKey` the request is signed with an enveloped XML signature (what IdPs with
    /// `WantAuthnRequestsSigned` need on this binding) and `signingCertificate`, if given, goes
    /// into its `KeyInfo`; a request that ``AuthnRequest/isSigned`` is posted as signed. Every
    /// value is HTML-escaped.
    /// - Throws: `saml.request.relay_state_too_long`, `saml.request.invalid_setting` (certificate
    ///   and key do not match), `saml.request.encoding_failed`.
    public static func formHTML(
        for request: AuthnRequest, relayState: String? = nil, signingKey: SAMLRequestSigningKey? = nil,
        signingCertificate: SAMLCertificate? = nil
    ) throws(SsoError) -> String {
        try SAMLRedirectBinding.checkRelayState(relayState)
        var posted = request
        if let signingKey { posted = try request.signed(with: signingKey, certificate: signingCertificate) }
        return try formHTML(
            destination: posted.destination, parameter: "SAMLRequest", message: posted.xml, relayState: relayState)
    }

    /// The auto-submitting HTML page that posts the XML `message` as `parameter` (`SAMLRequest`
    /// or `SAMLResponse`) to `destination`.
    package static func formHTML(
        destination: String, parameter: String, message: String, relayState: String?
    ) throws(SsoError) -> String {
        try SAMLRedirectBinding.checkRelayState(relayState)
        let e = SAMLXMLEscaping.escape
        var html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Signing in…</title></head>\n"
        html += "<body onload=\"document.forms[0].submit()\">\n"
        html += "<form method=\"post\" action=\"\(e(destination))\">\n"
        html += "<input type=\"hidden\" name=\"\(e(parameter))\" value=\"\(Base64.encode(Array(message.utf8)))\"/>\n"
        if let relayState {
            html += "<input type=\"hidden\" name=\"RelayState\" value=\"\(e(relayState))\"/>\n"
        }
        html += "<noscript><button type=\"submit\">Continue</button></noscript>\n"
        html += "</form>\n</body></html>\n"
        return html
    }
}
