import Foundation
import Hummingbird
import Logging
import Sso
import SsoCore
import SsoHummingbird

/// The routes: `/healthz`, the home page and dashboard, the SSO routes under `/sso`, the admin
/// JSON API under `/admin/sso` and the admin console at `/admin`.
struct ExampleRouter: Sendable {
    let settings: ServerSettings
    let engine: SsoEngine
    let logger: Logger

    func build() throws(SsoError) -> Router<SsoBasicRequestContext> {
        let cookieKey = try SsoCookieKey(settings.secretsKey)
        // Secure cookies always: browsers treat http://127.0.0.1 and localhost as secure contexts.
        let configuration = SsoRouteConfiguration(
            cookieKey: cookieKey, basePath: "/sso", afterLoginPath: "/dashboard", afterLogoutPath: "/",
            secureCookies: true, organizationID: settings.organizationID)
        let router = Router(context: SsoBasicRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: SsoSessionMiddleware(engine: engine, configuration: configuration))
        router.get("/healthz") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        let pages = ExamplePages(engine: engine, organizationID: settings.organizationID)
        router.get("/") { _, context in pages.home(context) }
        router.get("/dashboard") { _, context in await pages.dashboard(context) }
        SsoRoutes<SsoBasicRequestContext>(engine: engine, configuration: configuration).register(on: router)
        try adminRoutes(cookieKey: cookieKey, on: router)
        return router
    }

    private func adminRoutes(cookieKey: SsoCookieKey, on router: Router<SsoBasicRequestContext>) throws(SsoError) {
        let authorization: any SsoAdminAuthorization
        if let adminToken = settings.adminToken {
            let token = try SsoAdminBearerToken(adminToken)
            authorization = token
            try SsoAdminConsole<SsoBasicRequestContext>(
                engine: engine, organizationID: settings.organizationID, token: token, cookieKey: cookieKey
            ).register(on: router)
        } else {
            logger.warning("SSO_ADMIN_TOKEN is not set: the admin API and console refuse every request")
            authorization = ClosureAdminAuthorization { _ in false }
            router.get("/admin") { _, _ in
                SsoPage.response(
                    SsoPage.render(title: "SSO admin", body: "<p>Set SSO_ADMIN_TOKEN to use the admin console.</p>"),
                    status: .serviceUnavailable)
            }
        }
        try SsoAdminRoutes<SsoBasicRequestContext>(
            engine: engine, organizationID: settings.organizationID, authorization: authorization,
            defaultOIDCRedirectURI: settings.oidcRedirectURI
        ).register(on: router)
    }
}
