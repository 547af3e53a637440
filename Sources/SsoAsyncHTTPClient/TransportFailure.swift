import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import SsoCore

/// Turns what AsyncHTTPClient, NIO and NIOSSL throw into the library's typed errors.
///
/// Messages name the host and the limit, never a field value, the body or a query; an error that
/// could carry field values (AsyncHTTPClient's header validation) is not attached as the cause.
enum TransportFailure {
    /// The `SsoError` for `error`, or `error` itself when it is a cancellation.
    static func map(_ error: any Error, host: String, timeout: Duration) -> any Error {
        switch error {
        case let error as SsoError:
            return error
        case is CancellationError:
            return error
        case let error as HTTPClientError:
            return map(error, host: host, timeout: timeout)
        case NIOSSLError.uncleanShutdown:
            return truncated(host, error)
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
            return SsoError(
                .httpTLSFailed,
                "the TLS handshake with \(host) failed (untrusted certificate, wrong host name or no common protocol)",
                underlying: error)
        case HTTPParserError.invalidEOFState:
            return truncated(host, error)
        case is HTTPParserError:
            return SsoError(.httpTransportFailed, "\(host) sent a malformed HTTP response", underlying: error)
        case ChannelError.connectTimeout:
            return timedOut(host, timeout)
        case is NIOConnectionError, is IOError, is ChannelError:
            return SsoError(.httpTransportFailed, "could not connect to \(host)", underlying: error)
        default:
            return SsoError(.httpTransportFailed, "could not reach \(host)", underlying: error)
        }
    }

    static func timedOut(_ host: String, _ timeout: Duration) -> SsoError {
        SsoError(.httpTimeout, "\(host) did not answer completely within \(timeout)")
    }

    private static func map(_ error: HTTPClientError, host: String, timeout: Duration) -> SsoError {
        switch error {
        case .deadlineExceeded, .readTimeout, .writeTimeout, .getConnectionFromPoolTimeout:
            return timedOut(host, timeout)
        case .connectTimeout, .tlsHandshakeTimeout:
            return SsoError(.httpTimeout, "could not connect to \(host) in time", underlying: error)
        case .remoteConnectionClosed, .uncleanShutdown:
            return truncated(host, error)
        case .cancelled:
            return SsoError(.httpTransportFailed, "the request to \(host) was cancelled")
        default:
            if error.description.hasPrefix("HTTPClientError.invalidHeaderField") {
                return SsoError(.httpTransportFailed, "refused to send a request with an invalid field")
            }
            return SsoError(.httpTransportFailed, "could not complete the request to \(host)", underlying: error)
        }
    }

    private static func truncated(_ host: String, _ error: any Error) -> SsoError {
        SsoError(
            .httpTransportFailed, "\(host) closed the connection before the response was complete", underlying: error)
    }
}
