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
    /// code exchanged with PKCE, ID token validated with the nonce. Then the identity rules of the
    /// connection flows, as far as a legacy config has them: a subject is required; an email
    /// marked unverified is refused, and so is one whose domain another organization's connection
    /// claims (a legacy config claims no domains, so there is no domain allow-list); the user is
    /// linked by (issuer, subject) or provisioned (the reference's legacy flow always provisions: the config
    /// has no JIT switch). A session is created like in the other flows, listed and revoked with
    /// them; the legacy response carries its id as the extra `session_id`.
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
        let email = try await legacyEmail(identity)
        let (user, provisioned) = try await legacyUser(identity, issuer: result.issuer, email: email)
        do {
            let session = try await insertSession(
                connectionKey: legacyConnectionKey, connectionName: Self.legacyConnectionName, user: user,
                email: email?.normalized ?? user.email ?? "", notOnOrAfter: nil)
            return SsoLegacyCallbackResponse(
                developerID: user.id, email: email?.normalized ?? user.email, name: identity.name,
                sub: identity.subject, sessionID: session.id)
        } catch {
            if provisioned {
                let users = stores.users
                try? await users.remove(id: user.id)
            }
            throw error
        }
    }

    /// The `connection_name` of legacy sessions.
    static let legacyConnectionName = "Legacy SSO config"

    /// The identity's email, if it has one, checked like the connection flows check it except for
    /// the domain claim a legacy config does not have.
    /// - Throws: `user.identity_rejected`.
    private func legacyEmail(_ identity: SsoIdentity) async throws(SsoError) -> EmailAddress? {
        guard !identity.subject.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw SsoError(.userIdentityRejected, "the identity provider sent no subject")
        }
        guard identity.subject.utf8.count <= 2048 else {
            throw SsoError(.userIdentityRejected, "the identity provider sent a subject longer than 2048 bytes")
        }
        guard identity.emailVerified != false else {
            throw SsoError(.userIdentityRejected, "the identity provider marked the email address as unverified")
        }
        guard let raw = identity.email else { return nil }
        let email: EmailAddress
        do {
            email = try EmailAddress(raw)
        } catch {
            throw SsoError(
                .userIdentityRejected, "the identity provider sent an invalid email address", underlying: error)
        }
        let connections = stores.connections
        let routed = try await storeCall("connection") { try await connections.route(email.domain) }
        if let routed, !routed.organizationID.bytesEqual(id) {
            throw SsoError(.userIdentityRejected, "the email domain belongs to another organization's SSO connection")
        }
        return email
    }

    /// The legacy user linked to (`issuer`, subject), or a new one: after the config is switched
    /// to another IdP, an equal subject from it is a new user.
    /// - Throws: `user.identity_conflict` when the directory returns a record of another issuer.
    private func legacyUser(_ identity: SsoIdentity, issuer: String, email: EmailAddress?) async throws(SsoError)
        -> (user: SsoUser, provisioned: Bool)
    {
        let users = stores.users
        let key = legacyConnectionKey
        let subject = identity.subject
        if let existing = try await storeCall("user", { try await users.user(connectionID: key, issuer: issuer, subject: subject) }) {
            return (try Self.checkedLink(existing, connectionKey: key, issuer: issuer, subject: subject), false)
        }
        let at = now
        let user = SsoUser(
            id: SsoID.make(prefix: SsoID.developerPrefix, date: at, random: engine.random), organizationID: id,
            connectionID: key, subject: subject, email: email?.normalized, name: identity.name, role: nil,
            provisioned: true, createdAt: at, issuer: issuer)
        let stored = try await storeCall("user") { try await users.insertIfAbsent(user) }
        return (try Self.checkedLink(stored.user, connectionKey: key, issuer: issuer, subject: subject), stored.inserted)
    }
}
