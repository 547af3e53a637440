import Foundation

/// What a protocol flow hands to ``LoginCompletion``: an identity a protocol module has
/// verified (signature, audience, freshness, replay), and who vouched for it.
struct VerifiedLogin: Sendable {
    /// The verified identity (subject, email, name, groups).
    var identity: SsoIdentity
    /// Who vouched for the subject: the ID token's `iss`, the SAML IdP entity ID, or the LDAP
    /// server URL. Users are linked by (connection, issuer, subject).
    var issuer: String
    /// A cap on the session the IdP asked for (SAML `SessionNotOnOrAfter`).
    var sessionNotOnOrAfter: Date?
    /// Scopes the protocol granted (LDAP group mapping); `nil` when it has none.
    var scopes: [String]?
}
