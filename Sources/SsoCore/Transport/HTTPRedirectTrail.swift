import Foundation
import HTTPTypes

/// The redirects one fetch has followed, and the checks on the next one.
struct HTTPRedirectTrail {
    /// The statuses that may be followed; 300, 305 and 306 never are.
    private static let followable: Set<Int> = [301, 302, 303, 307, 308]
    /// The longest redirect target shown in a message.
    private static let maxShownBytes = 200

    private let policy: HTTPRedirectPolicy
    private let followsAny: Bool
    private var requested: Set<[UInt8]>
    private var followed = 0

    /// A trail that starts at `first`; a request with a body never follows a redirect.
    init(policy: HTTPRedirectPolicy, first: HTTPRequest, hasBody: Bool) {
        self.policy = policy
        self.followsAny = !hasBody && first.method == .get
        self.requested = [Array(Self.text(of: first).utf8)]
    }

    /// The request to send after `response` answered `request`: nil when `response` is not a
    /// redirect, a new request when it is one to follow; it throws when it is one to refuse.
    mutating func next(after response: HTTPResponse, to request: HTTPRequest) throws(SsoError) -> HTTPRequest? {
        let status = response.status.code
        guard (300...399).contains(status), status != 304 else { return nil }
        let origin = "\(request.scheme ?? "https")://\(request.authority ?? "the server")"
        guard case .follow(let max) = policy, max > 0, followsAny, Self.followable.contains(status) else {
            let shown = Self.shownTarget(response, request).map { " to \($0)" } ?? ""
            throw SsoError(
                .httpRedirectRefused,
                "\(origin) answered with a redirect (HTTP \(status))\(shown); this request does not follow redirects")
        }
        guard followed < max else {
            throw SsoError(.httpTooManyRedirects, "\(origin) redirected again after \(max) redirects")
        }
        let target = try Self.location(in: response, base: request)
        guard request.scheme?.lowercased().bytesEqual("https") == true else {
            throw SsoError(.httpRedirectInsecure, "\(origin) redirected, and only https requests follow redirects")
        }
        guard requested.insert(Array(Self.text(of: target).utf8)).inserted else {
            throw SsoError(.httpRedirectLoop, "\(origin) redirected back to \(Self.shown(target)), already requested")
        }
        followed += 1
        var next = target.request(method: request.method, headers: request.headerFields)
        if !target.authority.bytesEqual(request.authority ?? "") {
            // Credentials are for the origin they were given to, never for where it points.
            for name in [HTTPField.Name.authorization, .proxyAuthorization, .cookie] {
                next.headerFields[name] = nil
            }
        }
        return next
    }

    /// The single `Location` of `response`, resolved against `base` (RFC 9110 §10.2.2) and checked:
    /// an `https` URL without user information; its fragment is dropped (never sent).
    private static func location(in response: HTTPResponse, base: HTTPRequest) throws(SsoError) -> EndpointURL {
        let resolved = try resolvedText(response, base)
        let scheme = resolved.utf8.prefix { $0 != UInt8(ascii: ":") }
        guard String(decoding: scheme, as: UTF8.self).lowercased().bytesEqual("https") else {
            throw SsoError(.httpRedirectInsecure, "a redirect leaves https; it is not followed")
        }
        return try EndpointURL(
            resolved, field: "the redirect location", invalid: .httpRedirectInvalid, insecure: .httpRedirectInsecure,
            allowLoopbackHTTP: false)
    }

    /// The `Location` resolved against the request's URL, without its fragment.
    private static func resolvedText(_ response: HTTPResponse, _ base: HTTPRequest) throws(SsoError) -> String {
        let values = response.headerFields[values: .location]
        guard values.count == 1, let value = values.first, !value.isEmpty, value.utf8.count <= EndpointURL.maxBytes,
            value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else {
            throw SsoError(.httpRedirectInvalid, "a redirect must carry exactly one printable ASCII Location")
        }
        guard let baseURL = URL(string: text(of: base)), let url = URL(string: value, relativeTo: baseURL) else {
            throw SsoError(.httpRedirectInvalid, "a redirect's Location is not a URL")
        }
        let absolute = url.absoluteString
        return absolute.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
            ?? absolute
    }

    /// Where a refused redirect pointed, without query or user information, if it can be read.
    private static func shownTarget(_ response: HTTPResponse, _ request: HTTPRequest) -> String? {
        guard let text = try? resolvedText(response, request),
            let target = try? EndpointURL(
                text, field: "the redirect location", invalid: .httpRedirectInvalid, insecure: .httpRedirectInvalid,
                allowAnyHTTP: true)
        else { return nil }
        return shown(target)
    }

    private static func shown(_ target: EndpointURL) -> String {
        String(
            decoding: "\(target.scheme)://\(target.authority)\(target.path)".utf8.prefix(maxShownBytes), as: UTF8.self)
    }

    private static func text(of request: HTTPRequest) -> String {
        "\(request.scheme ?? "https")://\(request.authority ?? "")\(request.path ?? "/")"
    }

    private static func text(of target: EndpointURL) -> String {
        "\(target.scheme)://\(target.authority)\(target.requestPath())"
    }
}
