import Foundation
import HTTPTypes

/// An absolute `https` URL (or `http` for a loopback host) that the library may send a request to,
/// send a browser to, or publish: the one URL checker every module uses.
///
/// The text is parsed, never matched by prefix: `http://localhost:80@evil.example/` has the host
/// `evil.example` and user information, and is refused. What is accepted: printable ASCII only (no
/// white space, controls, backslashes or non-ASCII: give an IDN host as its A-label), scheme
/// `https` (or `http` when the *parsed* host is `localhost`, `127.x.y.z` or `[::1]`), a host
/// without percent-encoding, no user information, no fragment.
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

    /// The longest URL accepted, in bytes.
    package static let maxBytes = 2048

    /// Parses and checks `text`. `field` names the value in error messages; `invalid` is thrown
    /// for a malformed URL, `insecure` for plain `http` to a host that is not loopback.
    /// `allowAnyHTTP` accepts plain `http` to any host: only for a URL that is recorded now and
    /// checked again (without it) before anything is sent to it.
    package init(
        _ text: String, field: String, invalid: SsoError.Code, insecure: SsoError.Code,
        allowLoopbackHTTP: Bool = true, allowAnyHTTP: Bool = false, allowQuery: Bool = true
    ) throws(SsoError) {
        guard !text.isEmpty, text.utf8.count <= Self.maxBytes else {
            throw SsoError(invalid, "\(field) must be an absolute URL of at most \(Self.maxBytes) bytes")
        }
        guard text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) else {
            throw SsoError(
                invalid, "\(field) must hold only printable ASCII (no white space, backslash or non-ASCII characters)")
        }
        guard !text.utf8.contains(UInt8(ascii: "#")) else {
            throw SsoError(invalid, "\(field) must not contain a fragment")
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            text.utf8.dropFirst(scheme.utf8.count).starts(with: "://".utf8),
            let rawHost = components.percentEncodedHost, !rawHost.isEmpty
        else {
            throw SsoError(invalid, "\(field) is not an absolute URL with a host")
        }
        guard components.percentEncodedUser == nil, components.percentEncodedPassword == nil,
            !Self.authorityText(of: text, schemeLength: scheme.utf8.count).contains(UInt8(ascii: "@"))
        else {
            throw SsoError(invalid, "\(field) must not contain user information")
        }
        var host = rawHost.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        }
        guard !host.isEmpty, Self.isPlainHost(host) else {
            throw SsoError(invalid, "\(field) has an invalid host")
        }
        guard allowQuery || components.percentEncodedQuery == nil else {
            throw SsoError(invalid, "\(field) must not have a query")
        }
        switch scheme {
        case "https":
            break
        case "http":
            guard allowAnyHTTP || (allowLoopbackHTTP && Self.isLoopback(host)) else {
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

    /// Whether `host` (lowercased, without brackets) is `localhost`, a dotted-decimal IPv4 address
    /// in 127.0.0.0/8, or `::1`. `localhost.`, `127.1`, octal or hexadecimal forms are not.
    package static func isLoopback(_ host: String) -> Bool {
        if host.bytesEqual("localhost") || host.bytesEqual("::1") || host.bytesEqual("0:0:0:0:0:0:0:1") {
            return true
        }
        let octets = host.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0].elementsEqual("127".utf8) else { return false }
        return octets.allSatisfy { part in
            guard (1...3).contains(part.count), part.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
            guard part.count == 1 || part.first != UInt8(ascii: "0") else { return false }
            return part.reduce(0) { $0 * 10 + Int($1 - 0x30) } <= 255
        }
    }

    /// A registered name of letters, digits, `-`, `.` and `_`, or an IPv6 literal's hex digits,
    /// colons and dots: nothing percent-encoded, nothing a second parser could read differently.
    private static func isPlainHost(_ host: String) -> Bool {
        host.utf8.allSatisfy { byte in
            (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
        }
    }

    /// The bytes between `scheme://` and the first `/`, `?` or the end.
    private static func authorityText(of text: String, schemeLength: Int) -> ArraySlice<UInt8> {
        let bytes = Array(text.utf8).dropFirst(schemeLength + 3)
        let end = bytes.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") } ?? bytes.endIndex
        return bytes[bytes.startIndex..<end]
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
