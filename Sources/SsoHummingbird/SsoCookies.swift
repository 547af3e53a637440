import Foundation
import Hummingbird
import SsoCore

/// The cookies the SSO routes set: one binding a login to the browser that started it, and the
/// signed session cookie.
///
/// OIDC and LDAP logins come back same-site (a top-level GET redirect, a form on this site), so
/// their binding cookie is `SameSite=Lax`. A SAML IdP posts the response cross-site, which drops
/// `Lax` cookies, so the SAML binding cookie is `SameSite=None; Secure` and lives only on the
/// callback path; its value is bound to the RelayState, so it carries nothing on its own.
struct SsoCookies: Sendable {
    static let loginName = "sso_login"
    static let samlLoginName = "sso_saml_login"
    static let sessionName = "sso_session"
    static let bindingPurpose = "login-binding"
    static let sessionPurpose = "session"

    let configuration: SsoRouteConfiguration

    /// The binding cookie for a login whose state (OIDC `state`, SAML RelayState, LDAP form
    /// token) is `token`.
    func binding(_ value: String, saml: Bool) -> Cookie {
        let signed = configuration.cookieKey.sign(value, purpose: Self.bindingPurpose)
        let maxAge = Int(configuration.loginLifetime)
        if saml && configuration.secureCookies {
            return Cookie(
                name: Self.samlLoginName, value: signed, maxAge: maxAge, path: samlCallbackPath, secure: true,
                httpOnly: true, sameSite: .none)
        }
        return Cookie(
            name: saml ? Self.samlLoginName : Self.loginName, value: signed, maxAge: maxAge,
            path: saml ? samlCallbackPath : configuration.basePath, secure: configuration.secureCookies,
            httpOnly: true, sameSite: .lax)
    }

    /// Whether `request` carries a binding cookie signed for exactly `value`.
    func hasBinding(_ request: Request, _ value: String, saml: Bool) -> Bool {
        guard let cookie = request.cookies[saml ? Self.samlLoginName : Self.loginName],
            let bound = configuration.cookieKey.verify(cookie.value, purpose: Self.bindingPurpose)
        else { return false }
        return bound.bytesEqual(value)
    }

    /// Deletes the binding cookie (a login is bound once).
    func clearBinding(saml: Bool) -> Cookie {
        let path = saml ? samlCallbackPath : configuration.basePath
        if saml && configuration.secureCookies {
            return Cookie(
                name: Self.samlLoginName, value: "", maxAge: 0, path: path, secure: true, httpOnly: true,
                sameSite: .none)
        }
        return Cookie(
            name: saml ? Self.samlLoginName : Self.loginName, value: "", maxAge: 0, path: path,
            secure: configuration.secureCookies, httpOnly: true, sameSite: .lax)
    }

    /// The session cookie for `sessionID` of `organizationID`, expiring with the session.
    func session(_ sessionID: String, organizationID: String, expiresIn seconds: TimeInterval) -> Cookie {
        Cookie(
            name: Self.sessionName,
            value: configuration.cookieKey.sign("\(organizationID)|\(sessionID)", purpose: Self.sessionPurpose),
            maxAge: max(0, Int(seconds)), path: "/", secure: configuration.secureCookies, httpOnly: true,
            sameSite: .lax)
    }

    /// The organization and session id the request's session cookie names, if its signature holds.
    func sessionReference(_ request: Request) -> (organizationID: String, sessionID: String)? {
        guard let cookie = request.cookies[Self.sessionName],
            let value = configuration.cookieKey.verify(cookie.value, purpose: Self.sessionPurpose),
            let bar = value.lastIndex(of: "|")
        else { return nil }
        return (String(value[..<bar]), String(value[value.index(after: bar)...]))
    }

    func clearSession() -> Cookie {
        Cookie(
            name: Self.sessionName, value: "", maxAge: 0, path: "/", secure: configuration.secureCookies,
            httpOnly: true, sameSite: .lax)
    }

    private var samlCallbackPath: String { configuration.basePath + "/saml/callback" }
}
