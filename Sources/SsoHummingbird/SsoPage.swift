import Foundation
import HTTPTypes
import Hummingbird

/// The few HTML pages the routes serve themselves (the LDAP form, error pages), with every
/// interpolated value escaped and a strict content security policy.
public enum SsoPage {
    /// A complete page with `title` and the trusted HTML `body`.
    public static func render(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
        <meta name="viewport" content="width=device-width, initial-scale=1"></head>
        <body><main><h1>\(escape(title))</h1>
        \(body)
        </main></body></html>
        """
    }

    /// `text` safe inside HTML text and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// `html` as a response that is never cached, framed or given scripts. There is no
    /// `form-action`: browsers apply it to a form's redirects too, and the email form's answer
    /// is a redirect to the IdP.
    public static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        if let referrerPolicy = HTTPField.Name("Referrer-Policy") { headers[referrerPolicy] = "no-referrer" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
