import HTTPTypes

/// What a transport hands back: the response head and the complete body.
public struct HTTPTransportResponse: Sendable {
    /// The status and header fields.
    public var response: HTTPResponse
    /// The complete body.
    public var body: [UInt8]

    /// Pairs a response head with its body.
    public init(response: HTTPResponse, body: [UInt8]) {
        self.response = response
        self.body = body
    }
}

/// Sends HTTP requests for the library, which never opens a socket of its own.
///
/// The host application adapts its HTTP client (AsyncHTTPClient, URLSession, …); tests inject
/// ``ClosureHTTPTransport`` or `SsoTesting`'s fakes; `SsoAsyncHTTPClient` ships one over
/// AsyncHTTPClient. A transport must return a 3xx as it is, never following it (the library
/// decides which requests follow redirects), must not store or replay cookies, must verify TLS
/// certificates, and should stop reading once the body exceeds `maxResponseBytes`; the library
/// refuses a larger body either way.
public protocol HTTPTransport: Sendable {
    /// Sends `request` with an optional `body` and returns the response with its body.
    func send(_ request: HTTPRequest, body: [UInt8]?, maxResponseBytes: Int) async throws -> HTTPTransportResponse
}

/// A transport backed by a closure.
public struct ClosureHTTPTransport: HTTPTransport {
    private let handler: @Sendable (HTTPRequest, [UInt8]?, Int) async throws -> HTTPTransportResponse

    /// A transport that answers every request with `handler(request, body, maxResponseBytes)`.
    public init(_ handler: @escaping @Sendable (HTTPRequest, [UInt8]?, Int) async throws -> HTTPTransportResponse) {
        self.handler = handler
    }

    public func send(_ request: HTTPRequest, body: [UInt8]?, maxResponseBytes: Int) async throws
        -> HTTPTransportResponse
    {
        try await handler(request, body, maxResponseBytes)
    }
}

extension HTTPTransport {
    /// Sends `request`, applies `redirects` to a 3xx answer and enforces `maxResponseBytes` on
    /// every answer the transport returned.
    ///
    /// Any transport failure that is not already an `SsoError` becomes `http.transport_failed`; a
    /// body over the limit becomes `http.response_too_large`; a refused redirect
    /// `http.redirect_refused`, `http.redirect_invalid`, `http.redirect_insecure`,
    /// `http.redirect_loop` or `http.too_many_redirects`. Any other status is left to the caller.
    package func fetch(
        _ request: HTTPRequest, body: [UInt8]? = nil, maxResponseBytes: Int, redirects: HTTPRedirectPolicy = .refuse
    ) async throws(SsoError) -> HTTPTransportResponse {
        var trail = HTTPRedirectTrail(policy: redirects, first: request, hasBody: body != nil)
        var current = request
        while true {
            let result = try await fetchOnce(current, body: body, maxResponseBytes: maxResponseBytes)
            guard let next = try trail.next(after: result.response, to: current) else { return result }
            guard !Task.isCancelled else { throw SsoError(.httpTransportFailed, "the request was cancelled") }
            current = next
        }
    }

    private func fetchOnce(_ request: HTTPRequest, body: [UInt8]?, maxResponseBytes: Int) async throws(SsoError)
        -> HTTPTransportResponse
    {
        let result: HTTPTransportResponse
        do {
            result = try await send(request, body: body, maxResponseBytes: maxResponseBytes)
        } catch let error as SsoError {
            throw error
        } catch is CancellationError {
            throw SsoError(.httpTransportFailed, "the request was cancelled")
        } catch {
            let host = request.authority ?? "the server"
            throw SsoError(.httpTransportFailed, "could not reach \(host)", underlying: error)
        }
        guard result.body.count <= maxResponseBytes else {
            throw SsoError(
                .httpResponseTooLarge,
                "the response is larger than the limit of \(maxResponseBytes) bytes"
            )
        }
        return result
    }
}
