import Foundation
import Sso

/// The admin console's HTML: every value escaped, forms only (no script).
enum SsoAdminConsolePage {
    static func tokenForm(action: String, failed: Bool) -> String {
        let notice = failed ? "<p role=\"alert\">That is not the admin token.</p>" : ""
        return SsoPage.render(
            title: "SSO admin",
            body: """
                \(notice)<form method="post" action="\(SsoPage.escape(action))">
                <label>Admin token <input name="token" type="password" autocomplete="off" required></label>
                <button type="submit">Sign in</button>
                </form>
                """)
    }

    static func overview(
        connections: [SsoConnection], enforcement: SsoEnforcement, sessions: [SsoSession], path: String, csrf: String
    ) -> String {
        let e = SsoPage.escape
        let hidden = "<input type=\"hidden\" name=\"csrf\" value=\"\(e(csrf))\">"
        var body = "<h2>Connections</h2>"
        if connections.isEmpty {
            body += "<p>No connections yet.</p>"
        } else {
            body += "<table><thead><tr><th>ID</th><th>Name</th><th>Protocol</th><th>Status</th><th>Domains</th>"
            body += "<th>JIT</th></tr></thead><tbody>"
            for c in connections {
                body += "<tr><td><code>\(e(c.id))</code></td><td>\(e(c.name))</td><td>\(e(c.protocol.rawValue))</td>"
                body += "<td>\(e(c.status.rawValue))</td><td>\(e(c.domains.joined(separator: ", ")))</td>"
                body += "<td>\(c.jitProvisioning ? "yes" : "no")</td></tr>"
            }
            body += "</tbody></table>"
        }
        body += "<h2>Enforcement</h2><p>SSO is \(enforcement.enforced ? "enforced" : "not enforced")"
        if !enforcement.exemptRoles.isEmpty {
            body += "; exempt roles: \(e(enforcement.exemptRoles.joined(separator: ", ")))"
        }
        body += ".</p><h2>Active sessions</h2>"
        if sessions.isEmpty {
            body += "<p>No active sessions.</p>"
        } else {
            body += "<table><thead><tr><th>ID</th><th>Email</th><th>Connection</th><th>Created</th><th>Expires</th>"
            body += "<th></th></tr></thead><tbody>"
            for s in sessions {
                let action =
                    "\(path)/sessions/\(s.id.addingPercentEncoding(withAllowedCharacters: idCharacters) ?? "")/revoke"
                body += "<tr><td><code>\(e(s.id))</code></td><td>\(e(s.email))</td><td>\(e(s.connectionName))</td>"
                body += "<td>\(e(timestamp(s.createdAt)))</td><td>\(e(timestamp(s.expiresAt)))</td>"
                body += "<td><form method=\"post\" action=\"\(e(action))\">\(hidden)"
                body += "<button type=\"submit\">Revoke</button></form></td></tr>"
            }
            body += "</tbody></table>"
        }
        body +=
            "<form method=\"post\" action=\"\(e(path + "/logout"))\">\(hidden)<button type=\"submit\">Sign out</button></form>"
        return SsoPage.render(title: "SSO admin", body: body)
    }

    private static let idCharacters = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
