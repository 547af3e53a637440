import Foundation

// The package API the login flows (OIDC, SAML and LDAP callbacks) build on.
extension SsoOrganization {
    /// Finishes a login whose identity a protocol module has verified: the connection must not be
    /// inactive, the identity must carry a subject and a verified email whose domain routes to this
    /// connection; the user is linked by (connection, issuer, subject) or JIT-provisioned; a session
    /// is created, capped by `sessionNotOnOrAfter` (SAML `SessionNotOnOrAfter`). Nothing is left
    /// half-written: a provisioned user is removed again if the session cannot be stored.
    ///
    /// `issuer` is who vouched for the subject (OIDC `iss`, SAML IdP entity ID, LDAP server URL);
    /// `nil` takes the connection's current one (see ``connectionIssuer(_:)``).
    package func completeLogin(
        identity: SsoIdentity, connectionID: String, issuer: String? = nil, sessionNotOnOrAfter: Date? = nil
    ) async throws(SsoError) -> SsoLoginOutcome {
        let connection = try await usableConnectionRecord(connectionID)
        let email = try await checkedEmail(identity, connection: connection)
        let linkIssuer: String
        if let issuer { linkIssuer = issuer } else { linkIssuer = await connectionIssuer(connection) }
        let (user, provisioned) = try await resolveUser(
            identity: identity, issuer: linkIssuer, email: email, connection: connection)
        do {
            let session = try await createSession(connectionID: connectionID, user: user, email: email, notOnOrAfter: sessionNotOnOrAfter)
            return SsoLoginOutcome(user: user, provisioned: provisioned, session: session, email: email)
        } catch {
            if provisioned {
                let users = stores.users
                try? await users.remove(id: user.id)
            }
            throw error
        }
    }

    /// The identity's email, normalised, if it is present, not marked unverified, and its domain
    /// routes to `connection` (an IdP cannot log in users of another customer's domain).
    /// - Throws: `user.identity_rejected`.
    package func checkedEmail(_ identity: SsoIdentity, connection: SsoConnectionRecord) async throws(SsoError) -> EmailAddress {
        guard !identity.subject.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw SsoError(.userIdentityRejected, "the identity provider sent no subject")
        }
        guard identity.subject.utf8.count <= 2048 else {
            throw SsoError(.userIdentityRejected, "the identity provider sent a subject longer than 2048 bytes")
        }
        guard let raw = identity.email else { throw SsoError(.userIdentityRejected, "the identity provider sent no email address") }
        guard identity.emailVerified != false else {
            throw SsoError(.userIdentityRejected, "the identity provider marked the email address as unverified")
        }
        let email: EmailAddress
        do {
            email = try EmailAddress(raw)
        } catch {
            throw SsoError(.userIdentityRejected, "the identity provider sent an invalid email address", underlying: error)
        }
        let connections = stores.connections
        let routed = try await storeCall("connection") { try await connections.route(email.domain) }
        guard routed?.id.bytesEqual(connection.id) == true else {
            throw SsoError(.userIdentityRejected, "the email domain is not one of this connection's domains")
        }
        return email
    }

    /// The user linked to (connection, issuer, subject), or a new one when the connection
    /// provisions just in time (with its `default_role`). A record linked under another issuer
    /// is never reused.
    /// - Throws: `user.not_provisioned` when the user is unknown and JIT provisioning is off;
    ///   `user.identity_conflict` when the directory returns a record of another issuer.
    package func resolveUser(identity: SsoIdentity, issuer: String, email: EmailAddress, connection: SsoConnectionRecord)
        async throws(SsoError) -> (user: SsoUser, provisioned: Bool)
    {
        let users = stores.users
        let subject = identity.subject
        let key = connection.id
        if let existing = try await storeCall("user", { try await users.user(connectionID: key, issuer: issuer, subject: subject) }) {
            return (try Self.checkedLink(existing, connectionKey: key, issuer: issuer, subject: subject), false)
        }
        guard connection.jitProvisioning else {
            throw SsoError(.userNotProvisioned, "this user has no account and the connection does not provision users")
        }
        let at = now
        let user = SsoUser(
            id: SsoID.make(prefix: SsoID.developerPrefix, date: at, random: engine.random), organizationID: id,
            connectionID: key, subject: subject, email: email.normalized, name: identity.name,
            role: connection.defaultRole, provisioned: true, createdAt: at, issuer: issuer
        )
        let result = try await storeCall("user") { try await users.insertIfAbsent(user) }
        let linked = try Self.checkedLink(result.user, connectionKey: key, issuer: issuer, subject: subject)
        if result.inserted {
            logger.info("sso user provisioned", metadata: ["organization_id": "\(id)", "connection_id": "\(connection.id)", "developer_id": "\(user.id)"])
        }
        return (linked, result.inserted)
    }

    /// `user` if it is exactly the (connection, issuer, subject) record asked for.
    /// - Throws: `user.identity_conflict` for a record of another issuer, subject or connection.
    static func checkedLink(_ user: SsoUser, connectionKey: String, issuer: String, subject: String) throws(SsoError) -> SsoUser {
        guard user.connectionID.bytesEqual(connectionKey), user.issuer.bytesEqual(issuer), user.subject.bytesEqual(subject) else {
            throw SsoError(
                .userIdentityConflict, "the user directory holds this subject under another identity provider")
        }
        return user
    }

    /// The issuer a connection's logins are linked under: the OIDC `issuer_url` (the ID token's
    /// `iss` must equal it), the SAML IdP metadata's entity ID, or the LDAP server URL. SAML
    /// metadata that cannot be read (no SAML login can then succeed) gives `saml:<connection id>`.
    package func connectionIssuer(_ connection: SsoConnectionRecord) async -> String {
        switch connection.settings {
        case .oidc(let settings): return settings.issuerURL
        case .saml(let settings):
            return (try? await samlMetadata(connection: connection, settings: settings).entityID) ?? "saml:" + connection.id
        case .ldap(let settings): return settings.serverURL
        }
    }

    /// Stores a session for `user` through the (not inactive) connection `connectionID`. It expires after
    /// the engine's session lifetime or at `notOnOrAfter`, whichever comes first.
    /// - Throws: `connection.not_found` / `connection.inactive`; `session.invalid` when the cap has passed.
    package func createSession(connectionID: String, user: SsoUser, email: EmailAddress, notOnOrAfter: Date? = nil)
        async throws(SsoError) -> SsoSession
    {
        let connection = try await usableConnectionRecord(connectionID)
        return try await insertSession(
            connectionKey: connectionID, connectionName: connection.name, user: user, email: email.normalized,
            notOnOrAfter: notOnOrAfter)
    }

    /// Stores a session under `connectionKey` (a connection id, or the legacy config's key).
    func insertSession(connectionKey: String, connectionName: String, user: SsoUser, email: String, notOnOrAfter: Date?)
        async throws(SsoError) -> SsoSession
    {
        let at = now
        var expiresAt = at.addingTimeInterval(engine.settings.sessionLifetime)
        if let notOnOrAfter { expiresAt = min(expiresAt, notOnOrAfter) }
        guard expiresAt > at else { throw SsoError(.sessionInvalid, "the identity provider's session limit has already passed") }
        let record = SsoSessionRecord(
            id: SsoID.make(prefix: SsoID.sessionPrefix, date: at, random: engine.random), organizationID: id,
            connectionID: connectionKey, connectionName: connectionName, email: email, userID: user.id,
            subject: user.subject, createdAt: at, expiresAt: expiresAt
        )
        let sessions = stores.sessions
        try await storeCall("session") { try await sessions.insert(record) }
        return Self.view(record, name: connectionName)
    }

    /// Records a connection test: a failure sets `status` to `error` with `failureReason`; a
    /// success turns `error` back to `active` (an `inactive` connection stays inactive).
    package func recordConnectionTest(connectionID: String, failureReason: String?) async throws(SsoError) -> SsoConnection {
        var record = try await connectionRecord(connectionID)
        if let failureReason {
            guard record.status != .inactive else { return SsoConnection(record) }
            record.status = .error
            record.statusReason = failureReason
        } else if record.status == .error {
            record.status = .active
            record.statusReason = nil
        } else {
            return SsoConnection(record)
        }
        record.updatedAt = now
        let connections = stores.connections
        let updated = record
        guard try await storeCall("connection", { try await connections.replace(updated) }) else { throw Self.connectionNotFound() }
        return SsoConnection(record)
    }

    /// Saves a started login under `key` (the OIDC `state` or SAML RelayState) for the engine's
    /// login-state TTL.
    package func savePendingLogin(_ login: SsoPendingLogin, key: String) async throws(SsoError) {
        guard login.organizationID.bytesEqual(id) else {
            throw SsoError(.loginInvalidState, "the pending login belongs to another organization")
        }
        let at = now
        let expiresAt = at.addingTimeInterval(engine.settings.loginStateTTL)
        let states = stores.loginStates
        try await storeCall("login state") { try await states.insert(login, forKey: key, expiresAt: expiresAt, now: at) }
    }

    /// Takes the pending login under `key`, once. It must belong to this organization and its
    /// connection (if any) must still exist and not be inactive.
    /// - Throws: `login.invalid_state`.
    package func takePendingLogin(key: String) async throws(SsoError) -> SsoPendingLogin {
        let taken = try await engine.takePendingLogin(key: key)
        guard taken.organization.id.bytesEqual(id) else { throw SsoEngine.invalidLoginState() }
        return taken.login
    }
}
