import Foundation

/// Where every SAML callback enters, whichever public entry point received it: the RelayState
/// is resolved to the login it started (taken once), or, on a connection's own ACS route,
/// the response may be IdP-initiated; then ``SAMLLoginFlow`` verifies it and
/// ``LoginCompletion`` finishes the login.
struct SAMLCallback: Sendable {
    let engine: SsoEngine
    /// The organization the route names; `nil` when the RelayState or connection must name it.
    let organization: SsoOrganization?

    /// A response posted to the shared ACS route: it must answer a login started here.
    /// - Throws: `login.relay_state_missing`, `login.invalid_state`, `login.protocol_mismatch`,
    ///   `saml.*`, `http.*`, `user.*`, `session.invalid`, `store.*`.
    func handle(samlResponse: String, relayState: String?) async throws(SsoError) -> SsoCallbackResponse {
        let key = try Self.relayStateKey(relayState)
        let taken: TakenLogin
        if let organization {
            taken = try await organization.takePendingLogin(key: key)
        } else {
            taken = try await engine.takePendingLogin(key: key)
        }
        let mismatch = "the RelayState belongs to a login of another kind"
        guard taken.login.protocol == .saml, let requestID = taken.login.samlRequestID, let context = taken.connection
        else { throw SsoError(.loginProtocolMismatch, mismatch) }
        let login = try await SAMLLoginFlow(context, mismatch: mismatch)
            .verify(samlResponse: samlResponse, expectedRequestID: requestID)
        return try await LoginCompletion(context: context).response(for: login)
    }

    /// A response posted to the ACS route of connection `connectionID`. A RelayState that names
    /// a login started here must belong to that connection, and the response must answer its
    /// AuthnRequest. Without one (or with a RelayState the engine did not issue: an IdP's own
    /// value is opaque here and never redirected to), the response is IdP-initiated, accepted
    /// only when the connection allows it and the response has no `InResponseTo`.
    /// - Throws: `connection.not_found`, `connection.inactive`, `login.protocol_mismatch`,
    ///   `login.connection_mismatch`, `login.invalid_state`, `saml.unsolicited`, `saml.*`,
    ///   `http.*`, `user.*`, `session.invalid`, `store.*`.
    func handle(samlResponse: String, relayState: String?, connectionID: String) async throws(SsoError)
        -> SsoCallbackResponse
    {
        let context: ConnectionContext
        if let organization {
            context = try await ConnectionContext.usable(connectionID, in: organization)
        } else {
            context = try await ConnectionContext.usable(connectionID, in: engine)
        }
        let flow = try SAMLLoginFlow(context, mismatch: "the connection is not a SAML connection")
        var requestID: String?
        if let pending = try await takeIssuedLogin(relayState) {
            guard pending.organizationID.bytesEqual(context.organization.id) else {
                throw SsoEngine.invalidLoginState()
            }
            guard pending.protocol == .saml, let id = pending.samlRequestID else {
                throw SsoError(.loginProtocolMismatch, "the RelayState belongs to a login of another kind")
            }
            guard pending.connectionID.bytesEqual(context.id) else {
                throw SsoError(
                    .loginConnectionMismatch, "the RelayState belongs to a login started with another connection")
            }
            requestID = id
        } else if !flow.settings.allowUnsolicited {
            throw SsoError(
                .samlUnsolicited,
                "the response answers no login started here and the connection does not accept IdP-initiated responses")
        }
        let login = try await flow.verify(samlResponse: samlResponse, expectedRequestID: requestID)
        return try await LoginCompletion(context: context).response(for: login)
    }

    /// The pending login `relayState` names, taken once, if the engine issued it; `nil` when
    /// there is none (no RelayState, an IdP's own value, or a used or expired one).
    private func takeIssuedLogin(_ relayState: String?) async throws(SsoError) -> SsoPendingLogin? {
        guard let relayState, !relayState.isEmpty, relayState.utf8.count <= 512 else { return nil }
        return try await engine.takeLoginState(relayState)
    }

    static func relayStateKey(_ relayState: String?) throws(SsoError) -> String {
        guard let relayState, !relayState.isEmpty else {
            throw SsoError(
                .loginRelayStateMissing,
                "the SAML response has no RelayState; IdP-initiated responses need the connection's own callback")
        }
        guard relayState.utf8.count <= 512 else { throw SsoEngine.invalidLoginState() }
        return relayState
    }
}
