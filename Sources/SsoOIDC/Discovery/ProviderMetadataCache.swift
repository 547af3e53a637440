import Foundation
import HTTPTypes

/// Fetches one issuer's discovery document through the injected transport and keeps it for
/// ``DiscoveryOptions/cacheTTL``. Concurrent callers share one fetch. A failed fetch never falls
/// back to an expired document (fail closed); its error is returned without a new request for
/// ``DiscoveryOptions/failureBackoff``.
public actor ProviderMetadataCache {
    /// The configured issuer.
    public nonisolated let issuer: String
    private let options: DiscoveryOptions
    private let transport: any HTTPTransport
    private let clock: any SsoClock
    private var cached: (metadata: ProviderMetadata, fetchedAt: Date)?
    private var inFlight: Task<ProviderMetadata, any Error>?
    private var lastFailure: (at: Date, error: SsoError)?

    /// Creates a cache for `issuer`.
    public init(
        issuer: String, options: DiscoveryOptions = DiscoveryOptions(), transport: any HTTPTransport,
        clock: any SsoClock
    ) {
        self.issuer = issuer
        self.options = options
        self.transport = transport
        self.clock = clock
    }

    /// The provider's metadata, fetched if not cached or older than the TTL.
    public func metadata() async throws(SsoError) -> ProviderMetadata {
        let now = clock.now
        if let cached, now.timeIntervalSince(cached.fetchedAt) < options.cacheTTL,
            now >= cached.fetchedAt
        {
            return cached.metadata
        }
        return try await refresh()
    }

    /// Fetches the document now (joining a fetch already running) and caches it.
    public func refresh() async throws(SsoError) -> ProviderMetadata {
        let task: Task<ProviderMetadata, any Error>
        if let inFlight {
            task = inFlight
        } else {
            let now = clock.now
            if let lastFailure, now >= lastFailure.at,
                now.timeIntervalSince(lastFailure.at) < options.failureBackoff
            {
                throw lastFailure.error
            }
            let issuer = issuer, options = options, transport = transport
            task = Task { try await Self.fetch(issuer: issuer, options: options, transport: transport) }
            inFlight = task
        }
        do {
            let metadata = try await task.value
            if inFlight == task {
                inFlight = nil
                lastFailure = nil
                cached = (metadata, clock.now)
            }
            return metadata
        } catch {
            let wrapped = SsoError.wrapping(
                error, as: .oidcDiscoveryHTTPStatus, "the discovery document could not be fetched")
            if inFlight == task {
                inFlight = nil
                lastFailure = (clock.now, wrapped)
            }
            throw wrapped
        }
    }

    /// Forgets the cached document.
    public func invalidate() {
        cached = nil
    }

    /// Fetches and parses the discovery document for `issuer` once, without caching.
    package static func fetch(
        issuer: String, options: DiscoveryOptions = DiscoveryOptions(),
        transport: any HTTPTransport
    ) async throws(SsoError) -> ProviderMetadata {
        let url = try EndpointURL(
            options.documentURL(for: issuer), field: "the discovery URL", invalid: .oidcConfigInvalid,
            insecure: .oidcConfigInvalid)
        var headers = HTTPFields()
        headers[.accept] = "application/json"
        let response = try await transport.fetch(
            url.request(method: .get, headers: headers), maxResponseBytes: options.maxDocumentBytes,
            redirects: .refuse)
        guard response.response.status.code == 200 else {
            throw SsoError(
                .oidcDiscoveryHTTPStatus,
                "the discovery endpoint answered with HTTP status \(response.response.status.code)")
        }
        return try ProviderMetadata.parse(response.body, configuredIssuer: issuer, options: options)
    }
}

extension SsoError {
    /// `error` itself when it is an `SsoError`, else a new error with `code` and `message`.
    static func wrapping(
        _ error: any Error, as code: Code, _ message: String, file: String = #fileID, line: Int = #line
    ) -> SsoError {
        if let sso = error as? SsoError { return sso }
        if error is CancellationError {
            return SsoError(.httpTransportFailed, "the request was cancelled", file: file, line: line)
        }
        return SsoError(code, message, underlying: error, file: file, line: line)
    }
}
