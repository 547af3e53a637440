import Foundation
import SsoSAML

extension SsoOrganization {
    /// Completes a SAML response posted to the ACS URL of one connection (reference:
    /// `handle_saml_callback`, for deployments that give each connection its own callback route).
    /// This is the entry point for IdP-initiated logins.
    ///
    /// - A `relayState` that names a login started here must belong to `connectionID`; the login
    ///   then runs like ``handleSamlCallback(samlResponse:relayState:)``, bound to its
    ///   AuthnRequest (`InResponseTo`).
    /// - Without `relayState`, or with one the engine did not issue (an IdP-initiated RelayState is
    ///   often a target URL: it is opaque here and never redirected to), the response is
    ///   IdP-initiated. It is accepted only if the connection has `allow_unsolicited`, and then only
    ///   when it carries no `InResponseTo`; the replay cache applies as always.
    ///
    /// IdP-initiated login is weaker than SP-initiated login: nothing ties the response to a
    /// browser that started a login here, so a stolen response can be posted by anyone until it is
    /// first used. It is off by default.
    /// - Throws: `connection.not_found`, `connection.inactive`, `login.protocol_mismatch` (not a SAML
    ///   connection, or the state of an OIDC login), `login.connection_mismatch`, `login.invalid_state`,
    ///   `saml.unsolicited`, `saml.*`, `http.*`, `user.*`, `store.failed`.
    public func handleSamlCallback(samlResponse: String, relayState: String?, connectionID: String)
        async throws(SsoError) -> SsoCallbackResponse
    {
        let connection = try await usableConnectionRecord(connectionID)
        guard case .saml(let settings) = connection.settings else {
            throw SsoError(.loginProtocolMismatch, "the connection is not a SAML connection")
        }
        if let pending = try await takeIssuedLogin(relayState) {
            guard pending.organizationID.bytesEqual(id) else { throw SsoEngine.invalidLoginState() }
            guard pending.protocol == .saml, let requestID = pending.samlRequestID else {
                throw SsoError(.loginProtocolMismatch, "the RelayState belongs to a login of another kind")
            }
            guard pending.connectionID.bytesEqual(connection.id) else {
                throw SsoError(
                    .loginConnectionMismatch, "the RelayState belongs to a login started with another connection")
            }
            return try await validateSAMLLogin(
                samlResponse: samlResponse, connection: connection, settings: settings, expectedRequestID: requestID)
        }
        guard settings.allowUnsolicited else {
            throw SsoError(
                .samlUnsolicited,
                "the response answers no login started here and the connection does not accept IdP-initiated responses")
        }
        return try await validateSAMLLogin(
            samlResponse: samlResponse, connection: connection, settings: settings, expectedRequestID: nil)
    }

    /// ``handleSamlCallback(samlResponse:relayState:connectionID:)`` with the reference's parameter object.
    public func handleSamlCallback(_ params: SsoSamlCallbackParams, connectionID: String) async throws(SsoError)
        -> SsoCallbackResponse
    {
        try await handleSamlCallback(
            samlResponse: params.samlResponse, relayState: params.relayState, connectionID: connectionID)
    }

    /// Takes the pending login `relayState` names, once, if the engine issued it; `nil` when there
    /// is none (no RelayState, an IdP's own value, or a used or expired one).
    private func takeIssuedLogin(_ relayState: String?) async throws(SsoError) -> SsoPendingLogin? {
        guard let relayState, !relayState.isEmpty, relayState.utf8.count <= 512 else { return nil }
        let at = now
        let states = stores.loginStates
        return try await storeCall("login state") { try await states.take(relayState, now: at) }
    }
}
