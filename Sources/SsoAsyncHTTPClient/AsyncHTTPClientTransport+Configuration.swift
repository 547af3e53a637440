import NIOSSL
import SsoCore

extension AsyncHTTPClientTransport {
    /// Deadlines and trust of an ``AsyncHTTPClientTransport``.
    ///
    /// Certificate verification (chain and host name) is always on and cannot be switched off:
    /// a test server is trusted by adding its CA with ``additionalTrustRoots`` or
    /// ``addTrustRoots(pem:)``, next to the system's roots.
    public struct Configuration: Sendable {
        /// How long opening a connection (TCP and TLS handshake) may take. Default 10 s.
        public var connectTimeout: Duration
        /// How long one request may take from start to the last body byte, connecting included.
        /// Default 30 s; beyond it the request is cancelled with `http.timeout`.
        public var requestTimeout: Duration
        /// Certificate authorities trusted besides the system's roots (a private or test CA).
        public var additionalTrustRoots: [NIOSSLCertificate]
        /// The `User-Agent` sent when a request has none. Default `swift-sso`.
        public var userAgent: String

        /// Creates a configuration; the defaults are described on each property.
        public init(
            connectTimeout: Duration = .seconds(10), requestTimeout: Duration = .seconds(30),
            additionalTrustRoots: [NIOSSLCertificate] = [], userAgent: String = "swift-sso"
        ) {
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.additionalTrustRoots = additionalTrustRoots
            self.userAgent = userAgent
        }

        /// Adds every certificate of a PEM document to ``additionalTrustRoots``.
        ///
        /// - Throws: `http.transport_failed` when `pem` holds no readable certificate.
        public mutating func addTrustRoots(pem: [UInt8]) throws(SsoError) {
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMBytes(pem)
            } catch {
                throw SsoError(.httpTransportFailed, "the trust roots are not PEM certificates", underlying: error)
            }
            guard !certificates.isEmpty else {
                throw SsoError(.httpTransportFailed, "the trust roots hold no PEM certificate")
            }
            additionalTrustRoots += certificates
        }
    }
}
