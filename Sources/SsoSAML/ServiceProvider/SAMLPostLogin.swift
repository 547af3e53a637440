import SsoCore

/// What an SP-initiated HTTP-POST login needs: the page that posts the request, and the request
/// to remember.
public struct SAMLPostLogin: Sendable, Hashable {
    /// The AuthnRequest, with the signed XML when it was signed; store ``AuthnRequest/id``
    /// single-use with a short TTL for `InResponseTo`.
    public let request: AuthnRequest
    /// The auto-submitting HTML page that posts `SAMLRequest` (and `RelayState`) to the IdP's
    /// HTTP-POST `SingleSignOnService`; serve it as `text/html`.
    public let formHTML: String
    /// The `RelayState` carried in the form.
    public let relayState: String?

    /// Creates the value; ``SAMLServiceProvider/postLogin(to:relayState:clock:random:signingKey:signingCertificate:options:)`` makes it.
    package init(request: AuthnRequest, formHTML: String, relayState: String?) {
        self.request = request
        self.formHTML = formHTML
        self.relayState = relayState
    }
}
