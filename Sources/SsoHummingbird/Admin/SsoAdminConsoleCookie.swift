import Foundation
import Hummingbird
import SsoCore

/// The admin console's sign-in: a signed cookie (`HttpOnly; Secure; SameSite=Strict`, only on
/// the console's path) carrying its expiry and a random nonce, bound to the admin token (a new
/// token ends every console session), and the CSRF token every console form posts, which is the
/// cookie's value signed for another purpose.
struct SsoAdminConsoleCookie: Sendable {
    static let name = "sso_admin"
    static let csrfPurpose = "admin-console-csrf"

    let key: SsoCookieKey
    let tokenFingerprint: String
    let path: String
    let secure: Bool
    let lifetime: TimeInterval

    private var purpose: String { "admin-console|" + tokenFingerprint }

    /// A new console session from `now`, with `nonce` (random bytes).
    func issue(now: Date, nonce: [UInt8]) -> Cookie {
        let expires = Int(now.timeIntervalSince1970 + lifetime)
        let value = key.sign("\(expires)|\(Base64URL.encode(nonce))", purpose: purpose)
        return Cookie(
            name: Self.name, value: value, maxAge: Int(lifetime), path: path, secure: secure, httpOnly: true,
            sameSite: .strict)
    }

    func clear() -> Cookie {
        Cookie(name: Self.name, value: "", maxAge: 0, path: path, secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The request's console cookie, if it is validly signed for the current token and not expired.
    func session(_ request: Request, now: Date) -> String? {
        guard let cookie = request.cookies[Self.name], let value = key.verify(cookie.value, purpose: purpose),
            let bar = value.firstIndex(of: "|"), let expires = Int(value[..<bar]),
            now.timeIntervalSince1970 < TimeInterval(expires)
        else { return nil }
        return cookie.value
    }

    /// The CSRF token for the console session `cookie`.
    func csrfToken(for cookie: String) -> String {
        key.sign(cookie, purpose: Self.csrfPurpose)
    }

    /// Whether `token` is the CSRF token of the console session `cookie`.
    func isValidCSRF(_ token: String?, for cookie: String) -> Bool {
        guard let token, let bound = key.verify(token, purpose: Self.csrfPurpose) else { return false }
        return bound.bytesEqual(cookie)
    }
}
