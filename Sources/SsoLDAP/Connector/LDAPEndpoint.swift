import Foundation

/// Where and how to connect: URL, transport security and timeouts.
///
/// Safe defaults: StartTLS on `ldap://`, TLS 1.2 or later, the server's host name checked
/// against its certificate, referrals not followed, 5-second connect and operation timeouts.
public struct LDAPEndpoint: Sendable {
    /// The server URL: `ldap://host[:port]` or `ldaps://host[:port]`.
    public let url: String
    /// How the connection is protected.
    public let security: LDAPTransportSecurity
    /// Which certificate authorities to trust, and an optional client certificate.
    public var tls: LDAPTLSConfiguration
    /// The TCP connect (and TLS handshake) timeout.
    public var connectTimeout: Duration
    /// The timeout of each operation (bind, search).
    public var operationTimeout: Duration
    /// Whether referrals are followed. Off by default: a referral can send a bind to another host.
    public var unsafeFollowReferrals: Bool

    /// The host, parsed from ``url``.
    public let host: String
    /// The port, parsed from ``url`` (389 for `ldap://`, 636 for `ldaps://` when absent).
    public let port: Int

    /// Creates an endpoint. Throws `ldap.invalid_configuration` for a malformed URL or a
    /// security mode that does not fit its scheme (`ldaps://` needs ``LDAPTransportSecurity/ldaps``).
    public init(
        url: String,
        security: LDAPTransportSecurity? = nil,
        tls: LDAPTLSConfiguration = LDAPTLSConfiguration(),
        connectTimeout: Duration = .seconds(5),
        operationTimeout: Duration = .seconds(5),
        unsafeFollowReferrals: Bool = false
    ) throws(SsoError) {
        let parsed = try Self.parse(url)
        let chosen = security ?? (parsed.scheme == "ldaps" ? .ldaps : .startTLS)
        switch (parsed.scheme, chosen) {
        case ("ldaps", .ldaps), ("ldap", .startTLS), ("ldap", .unsafePlaintext): break
        case ("ldaps", _):
            throw SsoError(.ldapInvalidConfiguration, "an ldaps:// URL needs the ldaps security mode")
        default:
            throw SsoError(.ldapInvalidConfiguration, "an ldap:// URL needs StartTLS (or an explicit plaintext opt-in)")
        }
        guard connectTimeout > .zero, operationTimeout > .zero else {
            throw SsoError(.ldapInvalidConfiguration, "timeouts must be positive")
        }
        self.url = "\(parsed.scheme)://\(parsed.hostPort)"
        self.host = parsed.host
        self.port = parsed.port
        self.security = chosen
        self.tls = tls
        self.connectTimeout = connectTimeout
        self.operationTimeout = operationTimeout
        self.unsafeFollowReferrals = unsafeFollowReferrals
    }

    private static func parse(_ url: String) throws(SsoError) -> (
        scheme: String, host: String, port: Int, hostPort: String
    ) {
        let invalid = SsoError(
            .ldapInvalidConfiguration, "the LDAP URL must look like ldap://host[:port] or ldaps://host[:port]")
        guard url.utf8.count <= 2048,
            !url.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } ?? false }),
            let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "ldap" || scheme == "ldaps", let host = components.host, !host.isEmpty,
            components.user == nil, components.password == nil, components.query == nil, components.fragment == nil,
            components.path.isEmpty || components.path == "/"
        else { throw invalid }
        let port = components.port ?? (scheme == "ldaps" ? 636 : 389)
        guard (1...65535).contains(port) else { throw invalid }
        let hostPart = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return (scheme, host, port, "\(hostPart):\(port)")
    }
}

/// How an LDAP connection is protected.
public enum LDAPTransportSecurity: String, Sendable, Hashable, Codable {
    /// `ldap://` upgraded with the StartTLS extended operation before anything else is sent.
    case startTLS
    /// TLS from the first byte (`ldaps://`).
    case ldaps
    /// No TLS at all: passwords cross the network in clear. Only for tests and trusted loopback.
    case unsafePlaintext
}

/// Certificates for an LDAP connection's TLS.
public struct LDAPTLSConfiguration: Sendable {
    /// Which certificate authorities to trust.
    public var trustRoots: LDAPTrustRoots
    /// An optional client certificate and key, PEM (for servers that require TLS client auth).
    public var clientCertificatePEM: String?
    /// The client certificate's private key, PEM (unencrypted PKCS#8 or PKCS#1).
    public var clientKeyPEM: Secret?

    /// The system's trust roots and no client certificate unless given.
    public init(
        trustRoots: LDAPTrustRoots = .systemDefault, clientCertificatePEM: String? = nil, clientKeyPEM: Secret? = nil
    ) {
        self.trustRoots = trustRoots
        self.clientCertificatePEM = clientCertificatePEM
        self.clientKeyPEM = clientKeyPEM
    }
}

/// The certificate authorities an LDAP connection trusts. Host name verification is always on.
public enum LDAPTrustRoots: Sendable, Hashable {
    /// libldap's defaults (`TLS_CACERT` of ldap.conf, usually the system bundle).
    case systemDefault
    /// Exactly one CA certificate, PEM; nothing else is trusted on this connection.
    case pem(String)
    /// A PEM bundle file; nothing else is trusted on this connection.
    case file(String)
}
