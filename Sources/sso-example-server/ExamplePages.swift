import Foundation
import Hummingbird
import Sso
import SsoCore
import SsoHummingbird

/// The browser pages of the example: the email form and the signed-in user's dashboard.
struct ExamplePages: Sendable {
    let engine: SsoEngine
    let organizationID: String

    /// `GET /`: asks for an email address and starts the login at `/sso/login`.
    func home(_ context: SsoBasicRequestContext) -> Response {
        var body = ""
        if let session = context.ssoSession {
            body += "<p>Signed in as \(SsoPage.escape(session.email)). <a href=\"/dashboard\">Dashboard</a></p>"
        }
        body += """
            <form method="get" action="/sso/login">
            <label>Work email <input name="email" type="email" autocomplete="email" required></label>
            <button type="submit">Continue with SSO</button>
            </form>
            """
        return SsoPage.response(SsoPage.render(title: "Sign in", body: body))
    }

    /// `GET /dashboard`: who is signed in; a 302 to `/` without a session.
    func dashboard(_ context: SsoBasicRequestContext) async -> Response {
        guard let session = context.ssoSession else {
            return Response(status: .found, headers: [.location: "/", .cacheControl: "no-store"])
        }
        let user = await SignedInUser.lookup(session, organizationID: organizationID, stores: engine.stores)
        let e = SsoPage.escape
        var rows = [
            ("Email", e(session.email)),
            ("Name", e(user?.name ?? "—")),
            ("Connection", "\(e(session.connectionName)) (<code>\(e(session.connectionID))</code>)"),
            ("Provisioned", user.map { $0.provisioned ? "yes (just-in-time)" : "no" } ?? "—"),
        ]
        if let role = user?.role { rows.append(("Role", e(role))) }
        rows.append(("Session", "<code>\(e(session.id))</code>, expires \(e(session.expiresAt.formatted(.iso8601)))"))
        let table = rows.map { "<tr><th>\($0.0)</th><td>\($0.1)</td></tr>" }.joined()
        let body = """
            <table>\(table)</table>
            <form method="post" action="/sso/logout"><button type="submit">Sign out</button></form>
            """
        return SsoPage.response(SsoPage.render(title: "Dashboard", body: body))
    }
}
