import Foundation
import SsoOIDC

extension SsoOrganization {
    /// The user-directory key of the legacy config's users (no connection id can collide with it).
    var legacyConnectionKey: String { "sso_config:" + id }

    /// Starts a legacy single-config login (reference: `get_login_url(org)`): the same OIDC
    /// machinery as a connection (state, nonce, PKCE stored single use), for the organization's
    /// config and its registered redirect URI. The response has only `authorize_url`.
    /// - Throws: `config.not_found`, `oidc.*`, `http.*`, `store.failed`.
    public func getLegacyLoginURL() async throws(SsoError) -> SsoLoginResponse {
        let config = try await configRecord()
        let url = try await startOIDCLogin(
            issuer: config.issuerURL, clientID: config.clientID, clientSecret: config.clientSecret,
            redirectURI: config.redirectURI, allowed: [config.redirectURI], connectionID: nil, loginHint: nil)
        return SsoLoginResponse(authorizeURL: url)
    }

    /// Completes a legacy single-config login (reference: `handle_callback`): state taken once,
    /// code exchanged with PKCE, ID token validated with the nonce; the user is linked by subject
    /// or created (an email marked unverified is refused). No session is created: the legacy
    /// result carries none.
    /// - Throws: `login.invalid_state`, `login.protocol_mismatch`, `config.not_found`, `oidc.*`,
    ///   `http.*`, `user.identity_rejected`, `store.failed`.
    public func handleCallback(code: String, state: String) async throws(SsoError) -> SsoLegacyCallbackResponse {
        let pending = try await takePendingLogin(key: state)
        return try await completeLegacyCallback(code: code, state: state, pending: pending)
    }

    func completeLegacyCallback(code: String, state: String, pending: SsoPendingLogin) async throws(SsoError)
        -> SsoLegacyCallbackResponse
    {
        guard pending.protocol == .oidc, pending.connectionID == nil else {
            throw SsoError(.loginProtocolMismatch, "the state belongs to a login of another kind")
        }
        let config = try await configRecord()
        let result = try await finishOIDC(
            code: code, state: state, pending: pending, issuer: config.issuerURL, clientID: config.clientID,
            clientSecret: config.clientSecret, allowed: [config.redirectURI])
        let identity = result.identity
        guard !identity.subject.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw SsoError(.userIdentityRejected, "the identity provider sent no subject")
        }
        guard identity.emailVerified != false else {
            throw SsoError(.userIdentityRejected, "the identity provider marked the email address as unverified")
        }
        let email = identity.email.flatMap { try? EmailAddress($0) }?.normalized
        let users = stores.users
        let key = legacyConnectionKey
        let subject = identity.subject
        if let existing = try await storeCall("user", { try await users.user(connectionID: key, subject: subject) }) {
            return SsoLegacyCallbackResponse(developerID: existing.id, email: email ?? existing.email, name: identity.name, sub: subject)
        }
        let at = now
        let user = SsoUser(
            id: SsoID.make(prefix: SsoID.developerPrefix, date: at, random: engine.random), organizationID: id,
            connectionID: key, subject: subject, email: email, name: identity.name, role: nil, provisioned: true,
            createdAt: at)
        let stored = try await storeCall("user") { try await users.insertIfAbsent(user) }
        return SsoLegacyCallbackResponse(developerID: stored.user.id, email: email, name: identity.name, sub: subject)
    }
}
