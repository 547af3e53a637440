import CLDAP
import Foundation

/// Deadline arithmetic and small helpers shared by the libldap connection.
enum LibLDAPTime {
    /// The time left until `deadline`; throws `ldap.timeout` when none is left.
    static func remaining(_ deadline: ContinuousClock.Instant) throws(SsoError) -> Duration {
        let left = deadline - ContinuousClock.now
        guard left > .milliseconds(1) else {
            throw SsoError(.ldapTimeout, "the LDAP authentication ran out of time")
        }
        return left
    }

    /// A `timeval` for `duration` (at least one millisecond).
    static func timeval(_ duration: Duration) throws(SsoError) -> CLDAP.timeval {
        let (seconds, attoseconds) = duration.components
        let micro = attoseconds / 1_000_000_000_000
        return CLDAP.timeval(tv_sec: Int(max(seconds, 0)), tv_usec: Int(max(micro, seconds > 0 ? 0 : 1000)))
    }

    /// Overwrites a byte buffer that held a secret.
    static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            memset(base, 0, buffer.count)
        }
        bytes.removeAll()
    }
}

/// One-time process-wide setup: libldap's global initialisation before any thread uses it, and
/// SIGPIPE ignored (unless the host installed its own handler) so a server closing a socket
/// during a write never kills the process.
enum LibLDAPGlobal {
    private static let initialized: Bool = {
        var action = sigaction()
        if sigaction(SIGPIPE, nil, &action) == 0, action.__sigaction_handler.sa_handler == nil {
            signal(SIGPIPE, SIG_IGN)
        }
        var level: Int32 = 0
        _ = ldap_get_option(nil, LDAP_OPT_DEBUG_LEVEL, &level)
        return true
    }()

    static func initializeOnce() {
        _ = initialized
    }
}

/// Decodes PEM blocks into DER.
enum PEMBlocks {
    /// The DER bytes of every block labelled `label` (or every block when `label` is nil).
    static func decode(_ pem: String, label: String?) -> [[UInt8]] {
        var blocks: [[UInt8]] = []
        var body: String?
        for rawLine in pem.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("-----BEGIN "), line.hasSuffix("-----") {
                let name = String(line.dropFirst(11).dropLast(5))
                body = (label == nil || name == label) ? "" : nil
            } else if line.hasPrefix("-----END ") {
                if let text = body, let data = Data(base64Encoded: text) { blocks.append(Array(data)) }
                body = nil
            } else if body != nil {
                body? += line
            }
        }
        return blocks
    }
}
