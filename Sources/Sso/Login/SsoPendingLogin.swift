import Foundation
import SsoOIDC

/// A login that was started and awaits its callback, kept in the login-state store (single use,
/// short TTL) under its `state` / RelayState key.
///
/// The flow that takes it back re-reads the connection and refuses it unless the connection
/// still exists, is not inactive, and belongs to `organizationID`; deleting or deactivating a
/// connection also removes its pending logins. Its description, dump and reflection never show
/// the PKCE verifier or the nonce.
public struct SsoPendingLogin: Sendable, Equatable, Codable {
    /// What the callback must match, per protocol.
    public enum ProtocolState: Sendable, Equatable {
        /// An OIDC login: state, nonce, PKCE verifier, redirect URI, issuer and client it started with.
        case oidc(PendingOIDCLogin)
        /// A SAML login: the AuthnRequest ID the response must answer (`InResponseTo`).
        case saml(requestID: String)
    }

    /// The stored form's version (a durable store tags each row with it).
    public static let schemaVersion = 1

    /// The organization that started the login; a callback through another organization refuses it.
    public var organizationID: String
    /// The connection; `nil` for the legacy single-config flow.
    public var connectionID: String?
    /// What the callback must match: the OIDC state, nonce and PKCE verifier, or the SAML AuthnRequest ID.
    public var protocolState: ProtocolState
    /// When the login was started, by the engine's clock.
    public var createdAt: Date

    /// Creates a pending login from its parts.
    public init(organizationID: String, connectionID: String?, protocolState: ProtocolState, createdAt: Date) {
        self.organizationID = organizationID
        self.connectionID = connectionID
        self.protocolState = protocolState
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case organizationID = "organization_id", connectionID = "connection_id"
        case protocolState = "protocol_state", createdAt = "created_at"
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

extension SsoPendingLogin.ProtocolState: Codable {
    private enum CodingKeys: String, CodingKey {
        case `protocol`, oidc, requestID = "request_id"
    }

    /// `{"protocol": "oidc", "oidc": {…}}` or `{"protocol": "saml", "request_id": "…"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(SsoProtocol.self, forKey: .protocol) {
        case .oidc: self = .oidc(try container.decode(PendingOIDCLogin.self, forKey: .oidc))
        case .saml: self = .saml(requestID: try container.decode(String.self, forKey: .requestID))
        case .ldap:
            throw DecodingError.dataCorruptedError(
                forKey: .protocol, in: container, debugDescription: "an LDAP login is never pending")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .oidc(let pending):
            try container.encode(SsoProtocol.oidc, forKey: .protocol)
            try container.encode(pending, forKey: .oidc)
        case .saml(let requestID):
            try container.encode(SsoProtocol.saml, forKey: .protocol)
            try container.encode(requestID, forKey: .requestID)
        }
    }
}
