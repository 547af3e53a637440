import AsyncHTTPClient
import Dispatch
import HTTPTypes
import Logging
import NIOCore
import NIOSSL
import SsoCore

/// The ``/SsoCore/HTTPTransport`` to use in production: AsyncHTTPClient with the library's rules.
///
/// - Never follows a redirect: a 3xx is returned as it is, and the library decides (token, JWKS,
///   discovery and userinfo requests refuse it; SAML metadata fetches follow a few, https only).
/// - Always verifies certificates (chain and host name), TLS 1.2 or later; extra roots can be
///   trusted through ``Configuration/additionalTrustRoots``, verification cannot be turned off.
/// - Streams the body and stops reading, closing the connection, once it passes
///   `maxResponseBytes` (at once when `Content-Length` already says so): `http.response_too_large`.
/// - Deadlines: ``Configuration/connectTimeout`` and ``Configuration/requestTimeout`` for the
///   whole exchange, body included: `http.timeout`.
/// - No cookie store, no proxy from the environment, no decompression.
///
/// It owns its `HTTPClient` and never takes one from the host: a given client's redirect, TLS
/// and proxy settings could not be checked. Call ``shutdown()`` when done, or use
/// ``withTransport(configuration:eventLoopGroup:logger:isolation:_:)``.
public final class AsyncHTTPClientTransport: HTTPTransport {
    private let client: HTTPClient
    private let configuration: Configuration
    private let logger: Logger

    /// Creates a transport with its own `HTTPClient` on `eventLoopGroup`.
    public init(
        configuration: Configuration = Configuration(),
        eventLoopGroup: any EventLoopGroup = HTTPClient.defaultEventLoopGroup,
        logger: Logger = .ssoDisabled
    ) {
        self.configuration = configuration
        self.logger = logger
        self.client = HTTPClient(
            eventLoopGroup: eventLoopGroup, configuration: Self.clientConfiguration(configuration),
            backgroundActivityLogger: logger)
    }

    /// Runs `body` with a new transport and shuts it down afterwards, whether `body` throws or not.
    public static func withTransport<Result>(
        configuration: Configuration = Configuration(),
        eventLoopGroup: any EventLoopGroup = HTTPClient.defaultEventLoopGroup,
        logger: Logger = .ssoDisabled,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (AsyncHTTPClientTransport) async throws -> Result
    ) async throws -> Result {
        let transport = AsyncHTTPClientTransport(
            configuration: configuration, eventLoopGroup: eventLoopGroup, logger: logger)
        let result: Result
        do {
            result = try await body(transport)
        } catch {
            try? await transport.shutdown()
            throw error
        }
        try await transport.shutdown()
        return result
    }

    deinit {
        // A forgotten shutdown() must not crash a debug build; closing connections needs no wait.
        client.shutdown(queue: .global()) { _ in }
    }

    /// Closes every connection and stops the client; calling it again does nothing. Requests
    /// sent afterwards fail with `http.transport_failed`.
    public func shutdown() async throws {
        do {
            try await client.shutdown()
        } catch let error as HTTPClientError where error == .alreadyShutdown {
            return
        }
    }

    public func send(_ request: HTTPRequest, body: [UInt8]?, maxResponseBytes: Int) async throws
        -> HTTPTransportResponse
    {
        let host = request.authority ?? "the server"
        let timeout = configuration.requestTimeout
        let clientRequest = try HTTPClientRequest(request, body: body, userAgent: configuration.userAgent)
        do {
            return try await withThrowingTaskGroup(of: HTTPTransportResponse?.self) { group in
                group.addTask { try await self.exchange(clientRequest, host: host, maxResponseBytes: maxResponseBytes) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                // AsyncHTTPClient's deadline ends with the response head; this one covers the body.
                guard let first = try await group.next(), let response = first else {
                    throw TransportFailure.timedOut(host, timeout)
                }
                return response
            }
        } catch {
            throw TransportFailure.map(error, host: host, timeout: timeout)
        }
    }

    private func exchange(_ request: HTTPClientRequest, host: String, maxResponseBytes: Int) async throws
        -> HTTPTransportResponse
    {
        let deadline = NIODeadline.now() + TimeAmount(configuration.requestTimeout)
        let response = try await client.execute(request, deadline: deadline, logger: logger)
        guard let head = HTTPResponse(response) else {
            throw SsoError(.httpTransportFailed, "\(host) answered with an invalid status")
        }
        let body = try await ResponseBodyReader.collect(
            response.body, declaredLength: head.declaredContentLength, maxBytes: maxResponseBytes)
        return HTTPTransportResponse(response: head, body: body)
    }

    private static func clientConfiguration(_ configuration: Configuration) -> HTTPClient.Configuration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .fullVerification
        tls.minimumTLSVersion = .tlsv12
        // Close at once instead of waiting for the server's close_notify (RFC 8446 §6.1 does not
        // require it): waiting means reading, and a server could keep a refused body flowing.
        tls.shutdownTimeout = .zero
        tls.additionalTrustRoots =
            configuration.additionalTrustRoots.isEmpty
            ? [] : [.certificates(configuration.additionalTrustRoots)]
        var pool = HTTPClient.Configuration.ConnectionPool()
        // Fail a request at once when its connection cannot be made, instead of retrying until
        // the deadline: the error then says why (TLS, refused) rather than only that time ran out.
        pool.retryConnectionEstablishment = false
        var client = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(connect: TimeAmount(configuration.connectTimeout)),
            connectionPool: pool, proxy: nil, decompression: .disabled)
        client.httpVersion = .automatic
        return client
    }
}
