import Hummingbird
import Sso

/// A request context that carries the signed-in SSO session, set by ``SsoSessionMiddleware``.
public protocol SsoRequestContext: RequestContext {
    /// The session of the request's session cookie, when it names an active session.
    var ssoSession: SsoSession? { get set }
    /// The organization of ``ssoSession``.
    var ssoOrganizationID: String? { get set }
}

/// The basic request context with an SSO session.
public struct SsoBasicRequestContext: SsoRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var ssoSession: SsoSession?
    public var ssoOrganizationID: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }
}
