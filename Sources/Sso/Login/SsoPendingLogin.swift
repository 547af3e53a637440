import Foundation
import SsoOIDC

/// A login that was started and awaits its callback, kept in the login-state store (single use,
/// short TTL) under its `state` / RelayState key.
///
/// The flow that takes it back re-reads the connection and refuses it unless the connection
/// still exists, is not inactive, and belongs to `organizationID`; deleting or deactivating a
/// connection also removes its pending logins. Its description, dump and reflection never show
/// the PKCE verifier or the nonce.
public struct SsoPendingLogin: Sendable, Equatable {
    /// What the callback must match, per protocol.
    public enum ProtocolState: Sendable, Equatable {
        /// An OIDC login: state, nonce, PKCE verifier, redirect URI, issuer and client it started with.
        case oidc(PendingOIDCLogin)
        /// A SAML login: the AuthnRequest ID the response must answer (`InResponseTo`).
        case saml(requestID: String)
    }

    public var organizationID: String
    /// The connection; `nil` for the legacy single-config flow.
    public var connectionID: String?
    public var protocolState: ProtocolState
    public var createdAt: Date

    public init(organizationID: String, connectionID: String?, protocolState: ProtocolState, createdAt: Date) {
        self.organizationID = organizationID
        self.connectionID = connectionID
        self.protocolState = protocolState
        self.createdAt = createdAt
    }

    /// The protocol of ``protocolState``.
    public var `protocol`: SsoProtocol {
        switch protocolState {
        case .oidc: .oidc
        case .saml: .saml
        }
    }

    /// The OIDC state, if this is an OIDC login.
    var oidc: PendingOIDCLogin? {
        if case .oidc(let pending) = protocolState { pending } else { nil }
    }

    /// The AuthnRequest ID, if this is a SAML login.
    var samlRequestID: String? {
        if case .saml(let requestID) = protocolState { requestID } else { nil }
    }
}
