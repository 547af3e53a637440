import CLDAP
import Foundation

/// Owns one libldap handle (`LDAP *`) and performs the blocking calls on it.
///
/// Only ever used from its connection's serial queue: libldap handles are not meant for
/// concurrent use. Frees the handle in `deinit`.
final class LibLDAPHandle: @unchecked Sendable {
    private let raw: OpaquePointer
    private let endpoint: LDAPEndpoint

    private init(raw: OpaquePointer, endpoint: LDAPEndpoint) {
        self.raw = raw
        self.endpoint = endpoint
    }

    deinit {
        // libldap 2.5 does not free a handle's in-memory CA/certificate/key copies on unbind
        // (LeakSanitizer shows one per connection); setting them to NULL frees them.
        for option in [LDAP_OPT_X_TLS_CACERT, LDAP_OPT_X_TLS_CERT, LDAP_OPT_X_TLS_KEY] {
            _ = ldap_set_option(raw, option, nil)
        }
        ldap_unbind_ext_s(raw, nil, nil)
    }

    /// Creates a handle, sets every option explicitly (never trusting ldap.conf or the
    /// environment for security settings), and connects: TCP, then TLS or StartTLS.
    static func open(_ endpoint: LDAPEndpoint, deadline: ContinuousClock.Instant) throws(SsoError) -> LibLDAPHandle {
        LibLDAPGlobal.initializeOnce()
        var pointer: OpaquePointer?
        guard ldap_initialize(&pointer, endpoint.url) == LDAP_SUCCESS, let pointer else {
            throw SsoError(.ldapInvalidConfiguration, "libldap refused the URL \(endpoint.url)")
        }
        let handle = LibLDAPHandle(raw: pointer, endpoint: endpoint)
        try handle.configure(deadline: deadline)
        try handle.establish(deadline: deadline)
        return handle
    }

    private func set(_ option: Int32, _ value: UnsafeRawPointer?, _ what: String) throws(SsoError) {
        guard ldap_set_option(raw, option, value) == LDAP_OPT_SUCCESS else {
            throw SsoError(.ldapInvalidConfiguration, "libldap refused the \(what) option")
        }
    }

    private func setInt(_ option: Int32, _ value: Int32, _ what: String) throws(SsoError) {
        var value = value
        try set(option, &value, what)
    }

    private func setTimeouts(deadline: ContinuousClock.Instant) throws(SsoError) {
        var network = try LibLDAPTime.timeval(min(endpoint.connectTimeout, LibLDAPTime.remaining(deadline)))
        try set(LDAP_OPT_NETWORK_TIMEOUT, &network, "network timeout")
        var operation = try LibLDAPTime.timeval(min(endpoint.operationTimeout, LibLDAPTime.remaining(deadline)))
        try set(LDAP_OPT_TIMEOUT, &operation, "operation timeout")
    }

    private func configure(deadline: ContinuousClock.Instant) throws(SsoError) {
        try setInt(LDAP_OPT_PROTOCOL_VERSION, LDAP_VERSION3, "protocol version")
        // LDAP_OPT_ON / LDAP_OPT_OFF are pointer macros: any non-nil pointer is "on", nil is "off".
        let on = UnsafeRawPointer(bitPattern: 1)
        try set(LDAP_OPT_REFERRALS, endpoint.unsafeFollowReferrals ? on : nil, "referrals")
        try set(LDAP_OPT_RESTART, nil, "restart")
        try setTimeouts(deadline: deadline)
        guard endpoint.security != .unsafePlaintext else { return }
        try setInt(LDAP_OPT_X_TLS_REQUIRE_CERT, LDAP_OPT_X_TLS_DEMAND, "TLS certificate requirement")
        try setInt(LDAP_OPT_X_TLS_PROTOCOL_MIN, (3 << 8) + 3, "TLS minimum version")
        switch endpoint.tls.trustRoots {
        case .systemDefault:
            break
        case .pem(let pem):
            let certificates = PEMBlocks.decode(pem, label: "CERTIFICATE")
            guard certificates.count == 1, let der = certificates.first else {
                throw SsoError(
                    .ldapInvalidConfiguration,
                    "the CA PEM must hold exactly one certificate (use a CA file for a bundle)")
            }
            try set(LDAP_OPT_X_TLS_CACERTFILE, nil, "CA file")
            try set(LDAP_OPT_X_TLS_CACERTDIR, nil, "CA directory")
            try setBerval(LDAP_OPT_X_TLS_CACERT, der, "CA certificate")
        case .file(let path):
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw SsoError(.ldapInvalidConfiguration, "the CA file cannot be read")
            }
            try set(LDAP_OPT_X_TLS_CACERTDIR, nil, "CA directory")
            let accepted = path.withCString { ldap_set_option(raw, LDAP_OPT_X_TLS_CACERTFILE, $0) == LDAP_OPT_SUCCESS }
            guard accepted else { throw SsoError(.ldapInvalidConfiguration, "libldap refused the CA file option") }
        }
        if let certificatePEM = endpoint.tls.clientCertificatePEM {
            guard let keyPEM = endpoint.tls.clientKeyPEM,
                let certificate = PEMBlocks.decode(certificatePEM, label: "CERTIFICATE").first,
                let key = keyPEM.withUnsafeValue({ PEMBlocks.decode($0, label: nil).first })
            else {
                throw SsoError(
                    .ldapInvalidConfiguration, "the client certificate needs a PEM certificate and a PEM key")
            }
            try setBerval(LDAP_OPT_X_TLS_CERT, certificate, "client certificate")
            var keyBytes = key
            defer { LibLDAPTime.wipe(&keyBytes) }
            try setBerval(LDAP_OPT_X_TLS_KEY, keyBytes, "client key")
        }
        // Must come after every TLS option, or the handle silently uses the global context.
        try setInt(LDAP_OPT_X_TLS_NEWCTX, 0, "new TLS context")
    }

    private func setBerval(_ option: Int32, _ bytes: [UInt8], _ what: String) throws(SsoError) {
        var copy = bytes
        let result: Int32 = copy.withUnsafeMutableBytes { buffer in
            var value = berval(
                bv_len: ber_len_t(buffer.count), bv_val: buffer.baseAddress?.assumingMemoryBound(to: CChar.self))
            return ldap_set_option(raw, option, &value)
        }
        LibLDAPTime.wipe(&copy)
        guard result == LDAP_OPT_SUCCESS else {
            throw SsoError(.ldapInvalidConfiguration, "libldap refused the \(what)")
        }
    }

    private func establish(deadline: ContinuousClock.Instant) throws(SsoError) {
        let started = ContinuousClock.now
        let budget = min(endpoint.connectTimeout, endpoint.operationTimeout, deadline - started)
        let code: Int32
        switch endpoint.security {
        case .startTLS: code = ldap_start_tls_s(raw, nil, nil)
        case .ldaps, .unsafePlaintext: code = ldap_connect(raw)
        }
        guard code != LDAP_SUCCESS else { return }
        // A failure that arrives when the time is up is a timeout, whatever libldap calls it.
        if ContinuousClock.now - started >= budget - .milliseconds(50) {
            throw SsoError(.ldapTimeout, "the directory at \(endpoint.host) did not answer in time while connecting")
        }
        throw endpoint.security == .startTLS ? startTLSError(code) : transportError(code, during: "connecting")
    }

    private func startTLSError(_ code: Int32) -> SsoError {
        switch code {
        case LDAP_SERVER_DOWN where diagnosticMessage() == nil, LDAP_TIMEOUT:
            return transportError(code, during: "connecting")
        case LDAP_CONNECT_ERROR, LDAP_SERVER_DOWN:
            return SsoError(
                .ldapTLSFailed,
                "the TLS handshake with \(endpoint.host) failed (untrusted certificate, wrong host name or protocol)")
        default:
            return SsoError(.ldapTLSFailed, "the server at \(endpoint.host) does not offer StartTLS (result \(code))")
        }
    }

    /// Maps a libldap API error to `ldap.server_down`, `ldap.timeout` or `ldap.tls_failed`.
    func transportError(_ code: Int32, during what: String) -> SsoError {
        switch code {
        case LDAP_TIMEOUT:
            return SsoError(.ldapTimeout, "the directory did not answer in time while \(what)")
        case LDAP_SERVER_DOWN, LDAP_CONNECT_ERROR:
            if endpoint.security == .ldaps, diagnosticMessage() != nil, what == "connecting" {
                return SsoError(
                    .ldapTLSFailed,
                    "the TLS handshake with \(endpoint.host) failed (untrusted certificate, wrong host name or protocol)"
                )
            }
            return SsoError(.ldapServerDown, "cannot reach the directory at \(endpoint.host):\(endpoint.port)")
        default:
            return SsoError(
                .ldapServerDown,
                "the directory connection failed while \(what) (\(String(cString: ldap_err2string(code))))")
        }
    }

    func diagnosticMessage() -> String? {
        var pointer: UnsafeMutablePointer<CChar>?
        guard ldap_get_option(raw, LDAP_OPT_DIAGNOSTIC_MESSAGE, &pointer) == LDAP_OPT_SUCCESS, let pointer else {
            return nil
        }
        defer { ldap_memfree(pointer) }
        return String(cString: pointer)
    }

    var ld: OpaquePointer { raw }

    func prepareOperation(deadline: ContinuousClock.Instant) throws(SsoError) -> timeval {
        try setTimeouts(deadline: deadline)
        return try LibLDAPTime.timeval(min(endpoint.operationTimeout, LibLDAPTime.remaining(deadline)))
    }
}
