import Foundation
import Hummingbird
import Sso
import SsoCore

/// An ``/SsoCore/SsoError`` as the browser or an API client sees it: the stable code and the safe
/// message (never the underlying error, which may name internals), as an HTML page or, for
/// `Accept: application/json`, as `{"error":{"code":…,"message":…}}`.
public enum SsoErrorResponse {
    /// The response for `error` to `request`.
    public static func response(for error: SsoError, request: Request) -> Response {
        let status = self.status(for: error.code)
        if wantsJSON(request) { return json(error, status: status) }
        let page = SsoPage.render(
            title: "Sign-in failed",
            body: "<p>\(SsoPage.escape(error.message))</p><p class=\"code\">Error code: <code>"
                + SsoPage.escape(error.code.rawValue) + "</code></p><p><a href=\"/\">Start again</a></p>")
        return SsoPage.response(page, status: status)
    }

    /// The JSON error body with `status`.
    public static func json(_ error: SsoError, status: HTTPResponse.Status) -> Response {
        let body: [String: [String: String]] = ["error": ["code": error.code.rawValue, "message": error.message]]
        let data = (try? JSONEncoder.sortedKeys.encode(body)) ?? Data()
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Whether the client asked for JSON rather than a page.
    public static func wantsJSON(_ request: Request) -> Bool {
        request.headers[.accept]?.lowercased().contains("application/json") ?? false
    }

    /// The HTTP status of an error code: what the caller did wrong, or what is down.
    public static func status(for code: SsoError.Code) -> HTTPResponse.Status {
        let text = code.rawValue
        if let exact = exactStatuses[text] { return exact }
        let prefix = text.split(separator: ".").first.map(String.init) ?? ""
        return prefixStatuses[prefix] ?? .badRequest
    }

    private static let exactStatuses: [String: HTTPResponse.Status] = [
        "store.unavailable": .serviceUnavailable, "store.failed": .internalServerError,
        "connection.not_found": .notFound, "connection.inactive": .forbidden, "connection.limit_reached": .conflict,
        "routing.no_connection": .notFound, "routing.domain_conflict": .conflict,
        "http.request_too_large": .contentTooLarge, "http.request_invalid": .badRequest,
        "login.browser_mismatch": .forbidden,
        "session.not_found": .unauthorized, "admin.unauthorized": .unauthorized,
    ]
    private static let prefixStatuses: [String: HTTPResponse.Status] = [
        "saml": .unauthorized, "oidc": .unauthorized, "ldap": .unauthorized, "jose": .unauthorized,
        "user": .forbidden, "http": .badGateway, "store": .serviceUnavailable,
    ]
}

extension JSONEncoder {
    static var sortedKeys: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
