/// How the authenticator binds before searching for users.
public struct LDAPServiceAccount: Sendable {
    /// The service account's DN, or nil for an anonymous search.
    public let dn: String?
    let password: Secret?

    private init(dn: String?, password: Secret?) {
        self.dn = dn
        self.password = password
    }

    /// Binds as `dn` with `password` (both required; an empty password is refused at validation).
    public static func bind(dn: String, password: Secret) -> Self {
        Self(dn: dn, password: password)
    }

    /// Searches without binding. Only for directories that allow anonymous reads of user entries.
    public static let unsafeAnonymous = Self(dn: nil, password: nil)

    /// Whether this is the anonymous account.
    package var isAnonymous: Bool { dn == nil }
}
