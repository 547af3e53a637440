import Foundation
import Hummingbird
import Logging
import Sso
import SsoCore

/// The browser side of SSO, mounted on a Hummingbird router:
///
/// | route | does |
/// | --- | --- |
/// | `GET {base}/login?email=…` (or `?domain=…`) | routes the domain; 302 to the IdP, or the LDAP form |
/// | `GET {base}/callback` | completes an OIDC login (RFC 9207 `iss` passed on) |
/// | `POST {base}/saml/callback` | completes an SP-initiated SAML login |
/// | `POST {base}/saml/callback/{connection_id}` | IdP-initiated SAML, for connections that allow it |
/// | `GET {base}/saml/metadata/{connection_id}` | this SP's metadata for the connection |
/// | `POST {base}/ldap` | completes an LDAP login from the form |
/// | `POST {base}/logout` | ends the session |
///
/// Every login is bound to the browser that started it: `/login` sets a signed cookie bound to
/// the login's state, and the callback refuses a state without it (`login.browser_mismatch`),
/// so a callback URL or form replayed in another browser signs nobody in (RFC 6749 §10.12).
/// After a login the browser gets an `HttpOnly; SameSite=Lax` session cookie, signed, naming
/// the engine's session; ``SsoSessionMiddleware`` checks it on every request.
///
/// ```swift
/// let router = Router(context: SsoBasicRequestContext.self)
/// router.add(middleware: SsoSessionMiddleware(engine: engine, configuration: configuration))
/// SsoRoutes(engine: engine, configuration: configuration).register(on: router)
/// ```
public struct SsoRoutes<Context: RequestContext>: Sendable {
    /// The engine the routes drive.
    public let engine: SsoEngine
    /// Paths, cookies and limits.
    public let configuration: SsoRouteConfiguration
    let cookies: SsoCookies
    let observer: SsoRouteObserver

    /// Routes for `engine` as `configuration` says.
    public init(engine: SsoEngine, configuration: SsoRouteConfiguration) {
        self.engine = engine
        self.configuration = configuration
        self.cookies = SsoCookies(configuration: configuration)
        self.observer = SsoRouteObserver()
    }

    /// Adds the routes to `router`.
    public func register(on router: some RouterMethods<Context>) {
        let base = configuration.basePath
        router.get(RouterPath(base + "/login")) { request, context in
            await respond(request, context, step: "login") { try await login(request) }
        }
        router.get(RouterPath(base + "/callback")) { request, context in
            await respond(request, context, step: "oidc_callback") { try await oidcCallback(request) }
        }
        router.post(RouterPath(base + "/saml/callback")) { request, context in
            await respond(request, context, step: "saml_callback") {
                try await samlCallback(request, connectionID: nil)
            }
        }
        router.post(RouterPath(base + "/saml/callback/:connection_id")) { request, context in
            await respond(request, context, step: "saml_callback") {
                try await samlCallback(request, connectionID: context.parameters.get("connection_id") ?? "")
            }
        }
        router.get(RouterPath(base + "/saml/metadata/:connection_id")) { request, context in
            await respond(request, context, step: "saml_metadata") {
                try await samlMetadata(context.parameters.get("connection_id") ?? "")
            }
        }
        router.post(RouterPath(base + "/ldap")) { request, context in
            await respond(request, context, step: "ldap_callback") { try await ldapCallback(request) }
        }
        router.post(RouterPath(base + "/logout")) { request, context in
            await respond(request, context, step: "logout") { try await logout(request) }
        }
    }

    /// Runs one route in a span, with its metrics and log line; an error becomes its page or JSON.
    private func respond(
        _ request: Request, _ context: Context, step: String, _ body: () async throws -> Response
    ) async -> Response {
        await observer.observe(step: step, logger: context.logger) {
            do {
                return (try await body(), nil)
            } catch {
                let ssoError = SsoRoutes.ssoError(error)
                return (SsoErrorResponse.response(for: ssoError, request: request), ssoError)
            }
        }
    }

    /// `error` as an ``SsoError``: a body over the limit is `http.request_too_large`; anything
    /// else not already one is `http.request_invalid`, without its details.
    static func ssoError(_ error: any Error) -> SsoError {
        if let error = error as? SsoError { return error }
        if let error = error as? HTTPError, error.status == .contentTooLarge {
            return SsoError(.requestTooLarge, "the request body is too large")
        }
        return SsoError(.requestInvalid, "the request could not be read")
    }

    /// The organization a login or callback belongs to: the configured one, or the one `lookup` finds.
    func organization(_ lookup: () async throws(SsoError) -> SsoOrganization) async throws(SsoError)
        -> SsoOrganization
    {
        if let id = configuration.organizationID { return try engine.organization(id) }
        return try await lookup()
    }

    /// A redirect that is never cached.
    static func redirect(to location: String, status: HTTPResponse.Status = .found, cookies: [Cookie] = [])
        -> Response
    {
        var response = Response(status: status)
        response.headers[.location] = location
        response.headers[.cacheControl] = "no-store"
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }
}

extension SsoError.Code {
    /// A callback whose state this browser did not start (no or another binding cookie).
    public static let loginBrowserMismatch: Self = "login.browser_mismatch"
    /// A request body over the route's limit.
    public static let requestTooLarge: Self = "http.request_too_large"
    /// A request the routes cannot read (missing parameter, bad form encoding).
    public static let requestInvalid: Self = "http.request_invalid"
}
