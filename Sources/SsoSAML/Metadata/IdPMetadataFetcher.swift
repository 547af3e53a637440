import Foundation
import HTTPTypes
import SsoCore

/// Fetches IdP metadata from its `metadata_url` through the injected ``/SsoCore/HTTPTransport``.
///
/// Only `https` URLs are fetched; plain `http` only for loopback hosts (`localhost`,
/// `127.0.0.1`, `::1`) and only when ``Options/unsafeAllowHTTPForLoopback`` is on. Up to
/// ``Options/maxRedirects`` redirects are followed, each from `https` to `https` and never back to
/// a URL already fetched: metadata hosts move, and the document is checked on its own merits
/// (entity id, signature when required). The body is bounded and parsed exactly like inline metadata.
public struct IdPMetadataFetcher: Sendable {
    /// Fetch settings.
    public struct Options: Sendable {
        /// The largest accepted body. Default 1 MiB.
        public var maxResponseBytes: Int
        /// Allow plain `http://` for loopback hosts only (`localhost`, `127.0.0.1`, `::1`: local
        /// test IdPs). Default `true`; turn it off in production to require `https` everywhere.
        public var unsafeAllowHTTPForLoopback: Bool
        /// How the fetched document is parsed.
        public var parseOptions: IdPMetadata.ParseOptions
        /// The most redirects followed (301, 302, 303, 307, 308; `https` to `https` only).
        /// Default 3; 0 refuses every redirect.
        public var maxRedirects: Int

        /// Creates fetch settings; the defaults are described on each property.
        public init(
            maxResponseBytes: Int = 1024 * 1024,
            unsafeAllowHTTPForLoopback: Bool = true,
            parseOptions: IdPMetadata.ParseOptions = IdPMetadata.ParseOptions(),
            maxRedirects: Int = 3
        ) {
            self.maxResponseBytes = maxResponseBytes
            self.unsafeAllowHTTPForLoopback = unsafeAllowHTTPForLoopback
            self.parseOptions = parseOptions
            self.maxRedirects = maxRedirects
        }
    }

    private let transport: any HTTPTransport
    private let options: Options

    /// Creates a fetcher that uses `transport` for every request.
    public init(transport: any HTTPTransport, options: Options = Options()) {
        self.transport = transport
        self.options = options
    }

    /// Fetches and parses the metadata at `url`.
    ///
    /// - Throws: `saml.metadata.url_not_allowed`, `http.transport_failed`,
    ///   `http.response_too_large`, `saml.metadata.fetch_failed` (status other than 200), a
    ///   refused redirect (`http.redirect_insecure`, `http.redirect_loop`,
    ///   `http.too_many_redirects`, `http.redirect_invalid`, `http.redirect_refused`), and every
    ///   error of ``IdPMetadata/parse(_:entityID:now:options:)``.
    public func fetch(url: String, entityID: String? = nil, now: Date) async throws(SsoError) -> IdPMetadata {
        let bytes = try await fetchBytes(url: url)
        var parseOptions = options.parseOptions
        parseOptions.limits.maxBytes = min(parseOptions.limits.maxBytes, options.maxResponseBytes)
        return try IdPMetadata.parse(bytes, entityID: entityID, now: now, options: parseOptions)
    }

    /// Fetches the raw metadata document at `url` (for callers that cache the bytes).
    package func fetchBytes(url: String) async throws(SsoError) -> [UInt8] {
        let request = try Self.request(for: url, allowHTTPForLoopback: options.unsafeAllowHTTPForLoopback)
        let result = try await transport.fetch(
            request, maxResponseBytes: options.maxResponseBytes, redirects: .follow(max: options.maxRedirects))
        guard result.response.status == .ok else {
            throw SsoError(
                .samlMetadataFetchFailed,
                "the metadata server \(request.authority ?? "") answered with HTTP \(result.response.status.code)"
            )
        }
        return result.body
    }

    /// The GET request for `url`, or `saml.metadata.url_not_allowed`.
    static func request(for url: String, allowHTTPForLoopback: Bool) throws(SsoError) -> HTTPRequest {
        let endpoint = try EndpointURL(
            url, field: "the metadata URL", invalid: .samlMetadataURLNotAllowed, insecure: .samlMetadataURLNotAllowed,
            allowLoopbackHTTP: allowHTTPForLoopback)
        var request = endpoint.request(method: .get)
        request.headerFields[.accept] = "application/samlmetadata+xml, application/xml, text/xml"
        return request
    }
}
