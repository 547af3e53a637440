import Foundation

/// Finds the user a verified identity belongs to, by (connection key, issuer, subject), or
/// provisions one. A record linked under another issuer is never reused, so a second IdP
/// cannot take over an account by repeating a subject.
struct UserLinker: Sendable {
    /// What to do with an identity that has no user yet.
    enum Provisioning: Sendable {
        /// Refuse it: `user.not_provisioned`.
        case refuse
        /// Create the user, with this role.
        case provision(role: String?)
    }

    let organization: SsoOrganization
    /// The connection id, or the legacy config's key.
    let connectionKey: String

    /// The linked user, and whether this call provisioned it.
    /// - Throws: `user.not_provisioned`, `user.identity_conflict`, `store.*`.
    func resolve(_ identity: SsoIdentity, issuer: String, email: String?, provisioning: Provisioning)
        async throws(SsoError) -> (user: SsoUser, provisioned: Bool)
    {
        let users = organization.stores.users
        let subject = identity.subject
        let key = connectionKey
        let existing = try await organization.storeCall("user") {
            try await users.user(connectionID: key, issuer: issuer, subject: subject)
        }
        if let existing {
            guard isExactLink(existing, issuer: issuer, subject: subject) else { throw Self.identityConflict() }
            return (existing, false)
        }
        guard case .provision(let role) = provisioning else {
            throw SsoError(.userNotProvisioned, "this user has no account and the connection does not provision users")
        }
        let user = organization.newUser(
            connectionKey: key, identity: identity, issuer: issuer, email: email, role: role)
        let result = try await organization.storeCall("user") { try await users.insertIfAbsent(user) }
        guard isExactLink(result.user, issuer: issuer, subject: subject) else { throw Self.identityConflict() }
        let linked = result.user
        if result.inserted {
            organization.logger.info(
                "sso user provisioned",
                metadata: [
                    "organization_id": "\(organization.id)", "connection_id": "\(key)", "developer_id": "\(user.id)",
                ])
        }
        return (linked, result.inserted)
    }

    /// Removes a user this login provisioned when the rest of the login failed, so that no
    /// half-finished login leaves an account behind.
    func rollBack(_ user: SsoUser, provisioned: Bool) async {
        guard provisioned else { return }
        let users = organization.stores.users
        try? await users.remove(id: user.id)
    }

    /// Whether `user` is exactly the (connection, issuer, subject) record asked for.
    ///
    /// A Bool, not a `throws(SsoError)` helper: Swift 6.3.1 miscompiled that helper's call
    /// from this async typed-throws function in release builds (a normal return took the
    /// error path with a garbage error, and every login crashed).
    private func isExactLink(_ user: SsoUser, issuer: String, subject: String) -> Bool {
        user.connectionID.bytesEqual(connectionKey) && user.issuer.bytesEqual(issuer)
            && user.subject.bytesEqual(subject)
    }

    private static func identityConflict() -> SsoError {
        SsoError(.userIdentityConflict, "the user directory holds this subject under another identity provider")
    }
}
