import Foundation

/// How ``SsoRoutes`` are mounted: their paths, where the browser goes afterwards, the cookie key
/// and the request limits.
public struct SsoRouteConfiguration: Sendable {
    /// The path every route is under (`/sso`: `/sso/login`, `/sso/callback`, …).
    public var basePath: String
    /// Where the browser goes after signing in.
    public var afterLoginPath: String
    /// Where the browser goes after signing out.
    public var afterLogoutPath: String
    /// The key that signs the login-binding and session cookies. Give every replica the same
    /// key (32 random bytes); a new key signs everyone out and cancels logins in flight.
    public var cookieKey: SsoCookieKey
    /// Whether cookies carry `Secure` (and the SAML binding cookie `SameSite=None`). Turn it off
    /// only for a development server on plain-HTTP loopback.
    public var secureCookies: Bool
    /// The only organization these routes serve, or `nil` to serve every organization (each
    /// login's connection names it).
    public var organizationID: String?
    /// The OIDC `redirect_uri` logins use; `nil` uses each connection's first one.
    public var oidcRedirectURI: String?
    /// The largest form body read (SAMLResponse, LDAP credentials); larger requests get 413
    /// before the body is read whole.
    public var maxFormBytes: Int
    /// How long a login may take from `/login` to its callback (the binding cookie's lifetime).
    public var loginLifetime: TimeInterval

    /// Routes under `basePath`, signing cookies with `cookieKey`.
    public init(
        cookieKey: SsoCookieKey, basePath: String = "/sso", afterLoginPath: String = "/",
        afterLogoutPath: String = "/", secureCookies: Bool = true, organizationID: String? = nil,
        oidcRedirectURI: String? = nil, maxFormBytes: Int = 256 * 1024, loginLifetime: TimeInterval = 600
    ) {
        self.cookieKey = cookieKey
        self.basePath = basePath
        self.afterLoginPath = afterLoginPath
        self.afterLogoutPath = afterLogoutPath
        self.secureCookies = secureCookies
        self.organizationID = organizationID
        self.oidcRedirectURI = oidcRedirectURI
        self.maxFormBytes = maxFormBytes
        self.loginLifetime = loginLifetime
    }
}
