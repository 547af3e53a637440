import Foundation

/// The reference's legacy single-config login (`get_login_url(org)` / `handle_callback`): the
/// same OIDC machinery as a connection, for the organization's config and its registered
/// redirect URI. A legacy config claims no domains, so the identity rules are those of the
/// connection flows minus the domain allow-list: a subject is required; an email marked
/// unverified is refused, and so is one whose domain another organization's connection claims.
/// The user is linked by (issuer, subject) or provisioned (the config has no JIT switch).
struct LegacyLoginFlow: Sendable {
    let organization: SsoOrganization
    let config: SsoConfigRecord

    /// The `connection_name` of legacy sessions.
    static let connectionName = "Legacy SSO config"

    private var oidc: OIDCLoginFlow {
        OIDCLoginFlow(
            organization: organization,
            registration: OIDCClientRegistration(
                issuer: config.issuerURL, clientID: config.clientID, clientSecret: config.clientSecret,
                redirectURIs: [config.redirectURI], connectionID: nil))
    }

    func start() async throws(SsoError) -> String {
        try await oidc.start(redirectURI: config.redirectURI, loginHint: nil)
    }

    func complete(code: String, state: String, pending: SsoPendingLogin) async throws(SsoError)
        -> SsoLegacyCallbackResponse
    {
        let login = try await oidc.verify(code: code, state: state, iss: nil, pending: pending)
        let identity = login.identity
        let email = try await checkedEmail(identity)
        let (user, provisioned) = try await resolveUser(identity, issuer: login.issuer, email: email)
        do {
            let session = try await organization.insertSession(
                connectionKey: organization.legacyConnectionKey, connectionName: Self.connectionName, user: user,
                email: email?.normalized ?? user.email ?? "", notOnOrAfter: nil)
            return SsoLegacyCallbackResponse(
                developerID: user.id, email: email?.normalized ?? user.email, name: identity.name,
                sub: identity.subject, sessionID: session.id)
        } catch {
            if provisioned {
                let users = organization.stores.users
                try? await users.remove(id: user.id)
            }
            throw error
        }
    }

    /// The identity's email, if it has one, checked like the connection flows check it except for
    /// the domain claim a legacy config does not have.
    /// - Throws: `user.identity_rejected`.
    private func checkedEmail(_ identity: SsoIdentity) async throws(SsoError) -> EmailAddress? {
        try LoginCompletion.checkSubject(identity)
        guard identity.emailVerified != false else {
            throw SsoError(.userIdentityRejected, "the identity provider marked the email address as unverified")
        }
        guard let raw = identity.email else { return nil }
        let email = try LoginCompletion.checkedAddress(raw, identity: identity)
        let connections = organization.stores.connections
        let routed = try await organization.storeCall("connection") { try await connections.route(email.domain) }
        if let routed, !routed.organizationID.bytesEqual(organization.id) {
            throw SsoError(.userIdentityRejected, "the email domain belongs to another organization's SSO connection")
        }
        return email
    }

    /// The legacy user linked to (`issuer`, subject), or a new one: after the config is switched
    /// to another IdP, an equal subject from it is a new user.
    /// - Throws: `user.identity_conflict` when the directory returns a record of another issuer.
    private func resolveUser(_ identity: SsoIdentity, issuer: String, email: EmailAddress?) async throws(SsoError)
        -> (user: SsoUser, provisioned: Bool)
    {
        let users = organization.stores.users
        let key = organization.legacyConnectionKey
        let subject = identity.subject
        let existing = try await organization.storeCall("user") {
            try await users.user(connectionID: key, issuer: issuer, subject: subject)
        }
        if let existing {
            return (
                try LoginCompletion.checkedLink(existing, connectionKey: key, issuer: issuer, subject: subject), false
            )
        }
        let user = organization.newUser(
            connectionKey: key, identity: identity, issuer: issuer, email: email?.normalized, role: nil)
        let stored = try await organization.storeCall("user") { try await users.insertIfAbsent(user) }
        let linked = try LoginCompletion.checkedLink(stored.user, connectionKey: key, issuer: issuer, subject: subject)
        return (linked, stored.inserted)
    }
}
