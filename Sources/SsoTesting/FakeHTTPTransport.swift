import Foundation
import HTTPTypes
import SsoCore

/// An in-memory ``/SsoCore/HTTPTransport`` for tests: answers requests from registered routes and records
/// every request it saw.
///
/// Routes match on the full URL without query (`https://idp.example.com/jwks`); a request with no
/// matching route gets a 404. Handlers may be replaced at any time (e.g. to rotate keys).
public final class FakeHTTPTransport: HTTPTransport {
    /// A request as the fake saw it.
    public struct Recorded: Sendable {
        /// The request head: method, URL parts and header fields, exactly as sent.
        public var request: HTTPRequest
        /// The request body as sent (a token request's form, say); `nil` for a request without one.
        public var body: [UInt8]?
        /// The URL without its query.
        public var url: String
    }

    /// Answers one request, given its head and body; what it throws reaches the caller as the
    /// transport's error.
    public typealias Handler = @Sendable (HTTPRequest, [UInt8]?) async throws -> HTTPTransportResponse

    private struct State {
        var routes: [String: Handler] = [:]
        var recorded: [Recorded] = []
    }

    private let state = LockedValue(State())

    /// A transport with no routes: every request gets a 404 until one is registered.
    public init() {}

    /// Answers requests for `url` with `handler`.
    public func route(_ url: String, _ handler: @escaping Handler) {
        state.withLock { $0.routes[url] = handler }
    }

    /// Answers requests for `url` with a fixed status and body.
    public func route(
        _ url: String, status: HTTPResponse.Status = .ok, body: [UInt8],
        contentType: String = "application/json"
    ) {
        route(url) { _, _ in
            var fields = HTTPFields()
            fields[.contentType] = contentType
            return HTTPTransportResponse(response: HTTPResponse(status: status, headerFields: fields), body: body)
        }
    }

    /// Answers requests for `url` with a fixed status and text body.
    public func route(
        _ url: String, status: HTTPResponse.Status = .ok, text: String,
        contentType: String = "application/json"
    ) {
        route(url, status: status, body: Array(text.utf8), contentType: contentType)
    }

    /// Removes the route for `url` (later requests get a 404).
    public func removeRoute(_ url: String) {
        _ = state.withLock { $0.routes.removeValue(forKey: url) }
    }

    /// Every request sent so far, oldest first.
    public var requests: [Recorded] { state.withLock { $0.recorded } }

    /// How many requests were sent for `url`.
    public func count(for url: String) -> Int {
        state.withLock { $0.recorded.filter { $0.url.bytesEqual(url) }.count }
    }

    public func send(_ request: HTTPRequest, body: [UInt8]?, maxResponseBytes: Int) async throws
        -> HTTPTransportResponse
    {
        let scheme = request.scheme ?? "https"
        let authority = request.authority ?? ""
        let path = request.path ?? "/"
        let pathOnly =
            path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
            ?? path
        let url = "\(scheme)://\(authority)\(pathOnly)"
        let handler = state.withLock { state -> Handler? in
            state.recorded.append(Recorded(request: request, body: body, url: url))
            return state.routes[url]
        }
        guard let handler else {
            return HTTPTransportResponse(response: HTTPResponse(status: .notFound), body: Array("not found".utf8))
        }
        return try await handler(request, body)
    }
}
