import Foundation

/// A login that was started and awaits its callback, kept in the login-state store (single use,
/// short TTL) under its `state` / RelayState key.
///
/// The flow that takes it back re-reads the connection and refuses it unless the connection
/// still exists, is not inactive, and belongs to `organizationID`; deleting or deactivating a
/// connection also removes its pending logins. Secrets (PKCE verifier) are ``Secret``s.
public struct SsoPendingLogin: Sendable, Equatable {
    public var organizationID: String
    /// The connection; `nil` for the legacy single-config flow.
    public var connectionID: String?
    public var `protocol`: SsoProtocol
    /// Where the IdP sends the browser back.
    public var redirectURI: String?
    /// OIDC: the nonce the ID token must carry.
    public var nonce: String?
    /// OIDC: the PKCE code verifier.
    public var codeVerifier: Secret?
    /// SAML: the AuthnRequest ID the response must answer (`InResponseTo`).
    public var samlRequestID: String?
    /// OIDC: the issuer the login was started with (the callback refuses it if the connection's
    /// issuer changed since).
    public var issuer: String?
    /// OIDC: the client id the login was started with.
    public var clientID: String?
    public var createdAt: Date

    public init(
        organizationID: String, connectionID: String?, protocol: SsoProtocol, redirectURI: String? = nil,
        nonce: String? = nil, codeVerifier: Secret? = nil, samlRequestID: String? = nil, issuer: String? = nil,
        clientID: String? = nil, createdAt: Date
    ) {
        self.organizationID = organizationID
        self.connectionID = connectionID
        self.protocol = `protocol`
        self.redirectURI = redirectURI
        self.nonce = nonce
        self.codeVerifier = codeVerifier
        self.samlRequestID = samlRequestID
        self.issuer = issuer
        self.clientID = clientID
        self.createdAt = createdAt
    }
}
