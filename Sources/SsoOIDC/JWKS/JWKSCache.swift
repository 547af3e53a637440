import Foundation
import HTTPTypes
import SsoJOSE

/// One issuer's signing keys, fetched from its `jwks_uri` through the injected transport.
///
/// - A set is used for ``JWKSCacheOptions/lifetime`` (10 minutes by default), then fetched again.
/// - A token whose `kid` is not in the set may trigger one refetch, at most one per
///   ``JWKSCacheOptions/minimumRefetchInterval`` (30 s); concurrent callers share a single fetch.
/// - A fetched set replaces the previous one entirely, so a key the provider rotated out stops
///   verifying as soon as the new set arrives. A failed fetch keeps the previous set.
/// - Documents over ``JWKSCacheOptions/maxDocumentBytes`` (64 KiB) are refused.
/// - After a failed fetch, the same error is returned for ``JWKSCacheOptions/failureBackoff``
///   (5 s) without a new request. An expired set is never used after a failed refresh (fail closed).
public actor JWKSCache {
    /// A key set and the fetch it came from.
    package struct Snapshot: Sendable {
        /// The keys.
        package let keySet: JWKSet
        /// Increases with every successful fetch; pass it back to ``JWKSCache/refetchAfterUnknownKey(jwksURI:seenGeneration:)``.
        package let generation: Int
        /// When the set was fetched, by the injected clock.
        package let fetchedAt: Date
    }

    /// The issuer whose keys these are (for messages and for the caller's bookkeeping).
    public nonisolated let issuer: String
    private let options: JWKSCacheOptions
    private let transport: any HTTPTransport
    private let clock: any SsoClock
    private var cached: (uri: String, snapshot: Snapshot)?
    private var inFlight: (uri: String, task: Task<JWKSet, any Error>)?
    private var lastRefetchAt: Date?
    private var lastFailure: (at: Date, error: SsoError)?
    private var generation = 0

    /// Creates an empty cache for `issuer`'s keys.
    public init(
        issuer: String, options: JWKSCacheOptions = JWKSCacheOptions(), transport: any HTTPTransport,
        clock: any SsoClock
    ) {
        self.issuer = issuer
        self.options = options
        self.transport = transport
        self.clock = clock
    }

    /// The current key set for `jwksURI`, fetched when there is none or it is older than the lifetime.
    package func snapshot(jwksURI: String) async throws(SsoError) -> Snapshot {
        let now = clock.now
        if let cached, cached.uri.bytesEqual(jwksURI), now >= cached.snapshot.fetchedAt,
            now.timeIntervalSince(cached.snapshot.fetchedAt) < options.lifetime
        {
            return cached.snapshot
        }
        return try await fetch(jwksURI: jwksURI)
    }

    /// Called after a token's key was not found in the snapshot of generation `seenGeneration`.
    ///
    /// Returns a newer set when one was fetched meanwhile, or fetches one now if no unknown-key
    /// refetch happened within ``JWKSCacheOptions/minimumRefetchInterval``; returns `nil` when
    /// rate-limited (the caller then rejects the token).
    package func refetchAfterUnknownKey(jwksURI: String, seenGeneration: Int) async throws(SsoError) -> Snapshot? {
        if let cached, cached.uri.bytesEqual(jwksURI), cached.snapshot.generation > seenGeneration {
            return cached.snapshot
        }
        if let inFlight, inFlight.uri.bytesEqual(jwksURI) {
            return try await join(inFlight.task, uri: jwksURI)
        }
        let now = clock.now
        if let lastRefetchAt, now >= lastRefetchAt,
            now.timeIntervalSince(lastRefetchAt) < options.minimumRefetchInterval
        {
            return nil
        }
        lastRefetchAt = now
        return try await fetch(jwksURI: jwksURI)
    }

    /// Forgets the cached set (the next use fetches). Does not reset the refetch rate limit.
    public func invalidate() {
        cached = nil
    }

    private func fetch(jwksURI: String) async throws(SsoError) -> Snapshot {
        if let inFlight, inFlight.uri.bytesEqual(jwksURI) {
            return try await join(inFlight.task, uri: jwksURI)
        }
        let now = clock.now
        if let lastFailure, now >= lastFailure.at, now.timeIntervalSince(lastFailure.at) < options.failureBackoff {
            throw lastFailure.error
        }
        let options = options, transport = transport
        let task = Task { () throws -> JWKSet in
            try await Self.download(jwksURI: jwksURI, options: options, transport: transport)
        }
        inFlight = (jwksURI, task)
        return try await join(task, uri: jwksURI)
    }

    private func join(_ task: Task<JWKSet, any Error>, uri: String) async throws(SsoError) -> Snapshot {
        let result = await task.result
        let isCurrent = inFlight?.task == task
        if isCurrent { inFlight = nil }
        switch result {
        case .success(let keySet):
            if isCurrent {
                lastFailure = nil
                generation += 1
                cached = (uri, Snapshot(keySet: keySet, generation: generation, fetchedAt: clock.now))
            }
            if let cached, cached.uri.bytesEqual(uri), !isCurrent { return cached.snapshot }
            return Snapshot(keySet: keySet, generation: generation, fetchedAt: clock.now)
        case .failure(let error):
            let wrapped = SsoError.wrapping(error, as: .oidcJWKSHTTPStatus, "the provider's keys could not be fetched")
            if isCurrent { lastFailure = (clock.now, wrapped) }
            throw wrapped
        }
    }

    /// Fetches and parses a JWKS document once, without caching.
    package static func download(
        jwksURI: String, options: JWKSCacheOptions = JWKSCacheOptions(),
        transport: any HTTPTransport
    ) async throws(SsoError) -> JWKSet {
        let url = try EndpointURL(
            jwksURI, field: "jwks_uri", invalid: .oidcDiscoveryInvalidURL,
            insecure: .oidcDiscoveryInsecureURL)
        var headers = HTTPFields()
        headers[.accept] = "application/json, application/jwk-set+json"
        let response: HTTPTransportResponse
        do {
            response = try await transport.fetch(
                url.request(method: .get, headers: headers),
                maxResponseBytes: options.maxDocumentBytes, redirects: .refuse)
        } catch  where error.code == .httpResponseTooLarge {
            throw SsoError(.oidcJWKSTooLarge, "the JWKS document is larger than \(options.maxDocumentBytes) bytes")
        }
        guard response.response.status.code == 200 else {
            throw SsoError(
                .oidcJWKSHTTPStatus,
                "the JWKS endpoint answered with HTTP status \(response.response.status.code)")
        }
        var limits = options.limits
        limits.maxJWKSBytes = options.maxDocumentBytes
        return try JWKSet.parse(response.body, limits: limits)
    }
}
