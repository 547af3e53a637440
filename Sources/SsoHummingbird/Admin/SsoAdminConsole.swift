import Foundation
import Hummingbird
import Sso
import SsoCore

/// An HTML admin page for people: the organization's connections, enforcement and active
/// sessions, each session with a revoke button.
///
/// A browser cannot send the bearer token from a link, so the page asks for the token once and
/// answers with a signed console cookie (`HttpOnly; Secure; SameSite=Strict`, on the console's
/// path only, bound to the token, expiring after `lifetime`). Every
/// form the page posts carries a CSRF token bound to that cookie, and the page itself is served
/// with a strict content security policy that allows no script and no framing.
///
/// | route | does |
/// | --- | --- |
/// | `GET {path}` | the page, or the token form |
/// | `POST {path}/login` | checks the token, sets the console cookie |
/// | `POST {path}/logout` | ends the console session |
/// | `POST {path}/sessions/{id}/revoke` | revokes an SSO session |
public struct SsoAdminConsole<Context: RequestContext>: Sendable {
    let engine: SsoEngine
    let organization: SsoOrganization
    let token: SsoAdminBearerToken
    let cookie: SsoAdminConsoleCookie
    let path: String
    let maxFormBytes = 16 * 1024

    /// The console for `organizationID` of `engine`, at `path`, signing in with `token`; its
    /// cookie is signed with `cookieKey`.
    /// - Throws: `organization.invalid_id`.
    public init(
        engine: SsoEngine, organizationID: String, token: SsoAdminBearerToken, cookieKey: SsoCookieKey,
        path: String = "/admin", secureCookies: Bool = true, lifetime: TimeInterval = 3600
    ) throws(SsoError) {
        self.engine = engine
        self.organization = try engine.organization(organizationID)
        self.token = token
        self.path = path
        self.cookie = SsoAdminConsoleCookie(
            key: cookieKey, tokenFingerprint: token.fingerprint, path: path, secure: secureCookies,
            lifetime: lifetime)
    }

    /// Adds the console's routes to `router`.
    public func register(on router: some RouterMethods<Context>) {
        router.get(RouterPath(path)) { request, _ in
            await page(request)
        }
        router.post(RouterPath(path + "/login")) { request, _ in
            await handle(request) { try await login(request) }
        }
        router.post(RouterPath(path + "/logout")) { request, _ in
            await handle(request) {
                _ = try await signedInForm(request)
                return Self.seeOther(path, cookie: cookie.clear())
            }
        }
        router.post(RouterPath(path + "/sessions/:id/revoke")) { request, context in
            await handle(request) {
                _ = try await signedInForm(request)
                try await organization.revokeSession(context.parameters.get("id") ?? "")
                return Self.seeOther(path)
            }
        }
    }

    private func page(_ request: Request) async -> Response {
        guard let session = cookie.session(request, now: engine.clock.now) else {
            return SsoPage.response(SsoAdminConsolePage.tokenForm(action: path + "/login", failed: false))
        }
        do {
            let html = SsoAdminConsolePage.overview(
                connections: try await organization.listConnections().connections,
                enforcement: try await organization.getEnforcement(),
                sessions: try await organization.listSessions().sessions,
                path: path, csrf: cookie.csrfToken(for: session))
            return SsoPage.response(html)
        } catch {
            return SsoErrorResponse.response(for: SsoRoutes<Context>.ssoError(error), request: request)
        }
    }

    private func login(_ request: Request) async throws -> Response {
        let form = try await SsoForm.body(of: request, limit: maxFormBytes)
        guard let candidate = form["token"], token.matches(candidate) else {
            return SsoPage.response(
                SsoAdminConsolePage.tokenForm(action: path + "/login", failed: true), status: .unauthorized)
        }
        return Self.seeOther(path, cookie: cookie.issue(now: engine.clock.now, nonce: engine.random.bytes(16)))
    }

    /// The form of a console post, once its cookie and CSRF token check out.
    /// - Throws: `admin.unauthorized` (401) without a console session, `admin.csrf_invalid` (403).
    private func signedInForm(_ request: Request) async throws -> SsoForm {
        guard let session = cookie.session(request, now: engine.clock.now) else {
            throw SsoError(.adminUnauthorized, "sign in to the admin console first")
        }
        let form = try await SsoForm.body(of: request, limit: maxFormBytes)
        guard cookie.isValidCSRF(form["csrf"], for: session) else {
            throw SsoError(.adminCSRFInvalid, "the form is stale or was not sent by this console: reload the page")
        }
        return form
    }

    private func handle(_ request: Request, _ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch {
            let ssoError = SsoRoutes<Context>.ssoError(error)
            let status = SsoAdminJSON.status(for: ssoError.code)
            let html = SsoPage.render(
                title: "Admin",
                body: "<p>\(SsoPage.escape(ssoError.message))</p><p class=\"code\">Error code: <code>"
                    + SsoPage.escape(ssoError.code.rawValue)
                    + "</code></p><p><a href=\"\(SsoPage.escape(path))\">Back</a></p>")
            return SsoPage.response(html, status: status)
        }
    }

    static func seeOther(_ location: String, cookie: Cookie? = nil) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
        if let cookie { response.setCookie(cookie) }
        return response
    }
}

extension SsoError.Code {
    /// A console form without the CSRF token of the signed-in console session.
    public static let adminCSRFInvalid: Self = "admin.csrf_invalid"
}
