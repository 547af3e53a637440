/// What ``HTTPTransport/fetch(_:body:maxResponseBytes:redirects:)`` does with a 3xx answer.
///
/// Redirects are the library's decision, never the transport's: a transport returns a 3xx as it is
/// (the AsyncHTTPClient transport never follows one), so fakes and real clients behave alike and
/// a host's HTTP client cannot widen what the library trusts.
package enum HTTPRedirectPolicy: Sendable {
    /// Every 3xx but 304 is `http.redirect_refused`. For token, JWKS, discovery and userinfo
    /// requests: a followed redirect could carry a code or token elsewhere, or swap the keys.
    case refuse
    /// Follows at most `max` redirects (301, 302, 303, 307, 308) of a GET without a body, each
    /// from `https` to `https`, never back to a URL already requested. Anything else is refused.
    case follow(max: Int)
}
