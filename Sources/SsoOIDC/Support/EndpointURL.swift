import Foundation
import HTTPTypes

/// An absolute `https` URL (or `http` for a loopback host) that the library may send a request to.
///
/// Parsed once, so a request is built from checked parts: no user-info, no fragment, a host.
package struct EndpointURL: Sendable, Hashable {
    /// The URL as given.
    package let text: String
    package let scheme: String
    /// `host` or `host:port`, IPv6 literals in brackets.
    package let authority: String
    /// The percent-encoded path, never empty.
    package let path: String
    /// The percent-encoded query without `?`, if any.
    package let query: String?
    /// The host without brackets or port, lowercased.
    package let host: String

    /// Parses and checks `text`. `field` names the value in error messages.
    package init(_ text: String, field: String, invalid: SsoError.Code, insecure: SsoError.Code) throws(SsoError) {
        guard text.utf8.count <= 2048, let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), let rawHost = components.host, !rawHost.isEmpty
        else {
            throw SsoError(invalid, "\(field) is not an absolute URL")
        }
        guard components.user == nil, components.password == nil else {
            throw SsoError(invalid, "\(field) must not contain user information")
        }
        guard components.fragment == nil else {
            throw SsoError(invalid, "\(field) must not contain a fragment")
        }
        var host = rawHost.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        }
        switch scheme {
        case "https":
            break
        case "http":
            guard Self.isLoopback(host) else {
                throw SsoError(insecure, "\(field) must use https (http is allowed only for loopback hosts)")
            }
        default:
            throw SsoError(invalid, "\(field) must be an https URL")
        }
        let bracketed = host.contains(":") ? "[\(host)]" : host
        self.text = text
        self.scheme = scheme
        self.host = host
        self.authority = components.port.map { "\(bracketed):\($0)" } ?? bracketed
        self.path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        self.query = components.percentEncodedQuery
    }

    /// Whether `host` is `localhost`, an IPv4 address in 127.0.0.0/8, or `::1`.
    package static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
                && (Int(part) ?? 256) <= 255
        }
    }

    /// The path and query as an HTTP request target, with `extraQuery` appended.
    package func requestPath(extraQuery: String? = nil) -> String {
        let parts = [query, extraQuery].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? path : path + "?" + parts.joined(separator: "&")
    }

    /// The URL text with `extraQuery` appended to its query.
    package func appendingQuery(_ extraQuery: String) -> String {
        "\(scheme)://\(authority)\(requestPath(extraQuery: extraQuery))"
    }

    /// A request for this URL.
    package func request(method: HTTPRequest.Method, headers: HTTPFields = [:]) -> HTTPRequest {
        HTTPRequest(method: method, scheme: scheme, authority: authority, path: requestPath(), headerFields: headers)
    }
}
