import Foundation

/// The last step of every connection login, whatever the protocol: the verified identity must
/// carry a subject and a verified email whose domain routes to this connection; the user is
/// linked by (connection, issuer, subject) or JIT-provisioned; a session is created, capped by
/// the IdP's session limit. Nothing is left half-written: a user provisioned by this login is
/// removed again if its session cannot be stored.
struct LoginCompletion: Sendable {
    let context: ConnectionContext

    private var organization: SsoOrganization { context.organization }

    /// Finishes `login` and answers with the reference's callback response.
    func response(for login: VerifiedLogin) async throws(SsoError) -> SsoCallbackResponse {
        let outcome = try await finish(login)
        let identity = login.identity
        return SsoCallbackResponse(
            email: outcome.email.normalized, name: identity.name ?? outcome.user.name, sub: identity.subject,
            developerID: outcome.user.id, connectionID: context.id, provisioned: outcome.provisioned,
            sessionID: outcome.session.id, groups: identity.groups.isEmpty ? nil : identity.groups,
            scopes: login.scopes)
    }

    /// Finishes `login`: the linked or provisioned user and the new session.
    /// - Throws: `user.identity_rejected`, `user.not_provisioned`, `user.identity_conflict`,
    ///   `session.invalid`, `store.*`.
    func finish(_ login: VerifiedLogin) async throws(SsoError) -> SsoLoginOutcome {
        let email = try await checkedEmail(login.identity)
        let linker = UserLinker(organization: organization, connectionKey: context.id)
        let provisioning: UserLinker.Provisioning =
            context.record.jitProvisioning ? .provision(role: context.record.defaultRole) : .refuse
        let (user, provisioned) = try await linker.resolve(
            login.identity, issuer: login.issuer, email: email.normalized, provisioning: provisioning)
        do {
            let session = try await organization.insertSession(
                connectionKey: context.id, connectionName: context.record.name, user: user, email: email.normalized,
                notOnOrAfter: login.sessionNotOnOrAfter)
            return SsoLoginOutcome(user: user, provisioned: provisioned, session: session, email: email)
        } catch {
            await linker.rollBack(user, provisioned: provisioned)
            throw error
        }
    }

    /// The identity's email, normalised, if the identity has a usable subject, the email is
    /// present and not marked unverified, and its domain routes to this connection (an IdP
    /// cannot log in users of another customer's domain).
    /// - Throws: `user.identity_rejected`.
    private func checkedEmail(_ identity: SsoIdentity) async throws(SsoError) -> EmailAddress {
        try Self.checkSubject(identity)
        guard let raw = identity.email else {
            throw SsoError(.userIdentityRejected, "the identity provider sent no email address")
        }
        let email = try Self.checkedAddress(raw, identity: identity)
        // An exact claim is unique in the engine and always the nearest, so a domain this record
        // claims routes here without asking the store; only subdomain matches need the lookup.
        if context.record.domains.contains(where: { $0.ascii.bytesEqual(email.domain.ascii) }) { return email }
        let connections = organization.stores.connections
        let routed = try await organization.storeCall("connection") { try await connections.route(email.domain) }
        guard routed?.id.bytesEqual(context.id) == true else {
            throw SsoError(.userIdentityRejected, "the email domain is not one of this connection's domains")
        }
        return email
    }

    /// Refuses an identity without a usable subject.
    /// - Throws: `user.identity_rejected`.
    static func checkSubject(_ identity: SsoIdentity) throws(SsoError) {
        guard !identity.subject.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw SsoError(.userIdentityRejected, "the identity provider sent no subject")
        }
        guard identity.subject.utf8.count <= 2048 else {
            throw SsoError(.userIdentityRejected, "the identity provider sent a subject longer than 2048 bytes")
        }
    }

    /// `raw` as an email address, unless the identity marks it unverified.
    /// - Throws: `user.identity_rejected`.
    static func checkedAddress(_ raw: String, identity: SsoIdentity) throws(SsoError) -> EmailAddress {
        guard identity.emailVerified != false else {
            throw SsoError(.userIdentityRejected, "the identity provider marked the email address as unverified")
        }
        do {
            return try EmailAddress(raw)
        } catch {
            throw SsoError(
                .userIdentityRejected, "the identity provider sent an invalid email address", underlying: error)
        }
    }
}
