/// How an LDAP connection protects the directory bind.
public enum SsoLDAPTLSMode: String, Sendable, Hashable, Codable {
    /// `ldap://` upgraded with StartTLS before any bind (the default for `ldap://` URLs).
    case starttls
    /// TLS from the first byte, `ldaps://` (the default for `ldaps://` URLs).
    case ldaps
    /// No TLS: passwords cross the network in clear. Needs `allow_plaintext: true`.
    case plain
}
