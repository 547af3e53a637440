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
        // After the config is switched to another IdP, an equal subject from it is a new user.
        let linker = UserLinker(organization: organization, connectionKey: organization.legacyConnectionKey)
        let (user, provisioned) = try await linker.resolve(
            identity, issuer: login.issuer, email: email?.normalized, provisioning: .provision(role: nil))
        do {
            let session = try await organization.insertSession(
                connectionKey: organization.legacyConnectionKey, connectionName: Self.connectionName, user: user,
                email: email?.normalized ?? user.email ?? "", notOnOrAfter: nil)
            return SsoLegacyCallbackResponse(
                developerID: user.id, email: email?.normalized ?? user.email, name: identity.name,
                sub: identity.subject, sessionID: session.id)
        } catch {
            await linker.rollBack(user, provisioned: provisioned)
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
}
