import SsoCore

/// The SAML HTTP-POST binding (bindings §3.5): an HTML page whose form posts the base64 message
/// (and `RelayState`) to the destination and submits itself.
public enum SAMLPostBinding {
    /// The auto-submitting HTML page that posts `request` to its ``AuthnRequest/destination``.
    ///
    /// The request is not signed (sign it with an enveloped XML signature if the IdP requires
    /// signed POST requests). Every value is HTML-escaped.
    /// - Throws: `saml.request.relay_state_too_long`.
    public static func formHTML(for request: AuthnRequest, relayState: String? = nil) throws(SsoError) -> String {
        try formHTML(
            destination: request.destination, parameter: "SAMLRequest", message: request.xml,
            relayState: relayState)
    }

    /// The auto-submitting HTML page that posts the XML `message` as `parameter` (`SAMLRequest`
    /// or `SAMLResponse`) to `destination`.
    public static func formHTML(
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
