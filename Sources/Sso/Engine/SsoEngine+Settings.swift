import HTTPTypes

import Foundation

extension SsoEngine {
    /// Engine-wide limits and lifetimes. Values below their minimum are raised to it.
    public struct Settings: Sendable, Hashable {
        /// How long an SSO session lasts (a SAML `SessionNotOnOrAfter` can shorten it). Default 8 hours.
        public var sessionLifetime: TimeInterval
        /// How long a started login waits for its callback. Default 10 minutes.
        public var loginStateTTL: TimeInterval
        /// Connections an organization may have. Default 100.
        public var maxConnectionsPerOrganization: Int
        /// Domains one connection may claim. Default 100.
        public var maxDomainsPerConnection: Int
        /// How long fetched SAML metadata is reused when it states neither `cacheDuration` nor
        /// `validUntil` (when it does, those are honoured). Default 1 hour.
        public var samlMetadataLifetime: TimeInterval

        /// Creates settings; lifetimes are in seconds. A value below its minimum is raised to it: 60 for
        /// `sessionLifetime`, 10 for `loginStateTTL`, 1 for each limit, 0 for `samlMetadataLifetime`.
        public init(
            sessionLifetime: TimeInterval = 8 * 3600, loginStateTTL: TimeInterval = 600,
            maxConnectionsPerOrganization: Int = 100, maxDomainsPerConnection: Int = 100,
            samlMetadataLifetime: TimeInterval = 3600
        ) {
            self.sessionLifetime = max(60, sessionLifetime)
            self.loginStateTTL = max(10, loginStateTTL)
            self.maxConnectionsPerOrganization = max(1, maxConnectionsPerOrganization)
            self.maxDomainsPerConnection = max(1, maxDomainsPerConnection)
            self.samlMetadataLifetime = max(0, samlMetadataLifetime)
        }
    }
}

/// The default transport of an engine: it refuses every request, so an engine that was not
/// given a transport can never reach the network. Login flows and connection tests need a real one.
public struct NoHTTPTransport: HTTPTransport {
    /// Creates the transport, which fails every request with `http.transport_failed`.
    public init() {}

    public func send(_ request: HTTPRequest, body: [UInt8]?, maxResponseBytes: Int) async throws
        -> HTTPTransportResponse
    {
        throw SsoError(.httpTransportFailed, "no HTTP transport is configured for this SSO engine")
    }
}
