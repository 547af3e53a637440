import Foundation

// The records a finished login writes, shared by the connection flows and the legacy flow.
extension SsoOrganization {
    /// A new, not yet stored, JIT-provisioned user of this organization.
    func newUser(connectionKey: String, identity: SsoIdentity, issuer: String, email: String?, role: String?) -> SsoUser
    {
        let at = now
        return SsoUser(
            id: SsoID.make(prefix: SsoID.developerPrefix, date: at, random: engine.random), organizationID: id,
            connectionID: connectionKey, subject: identity.subject, email: email, name: identity.name, role: role,
            provisioned: true, createdAt: at, issuer: issuer)
    }

    /// Stores a session under `connectionKey` (a connection id, or the legacy config's key). It
    /// expires after the engine's session lifetime or at `notOnOrAfter`, whichever comes first.
    /// - Throws: `session.invalid` when `notOnOrAfter` has passed, `store.*`.
    func insertSession(connectionKey: String, connectionName: String, user: SsoUser, email: String, notOnOrAfter: Date?)
        async throws(SsoError) -> SsoSession
    {
        let at = now
        var expiresAt = at.addingTimeInterval(engine.settings.sessionLifetime)
        if let notOnOrAfter { expiresAt = min(expiresAt, notOnOrAfter) }
        guard expiresAt > at else {
            throw SsoError(.sessionInvalid, "the identity provider's session limit has already passed")
        }
        let record = SsoSessionRecord(
            id: SsoID.make(prefix: SsoID.sessionPrefix, date: at, random: engine.random), organizationID: id,
            connectionID: connectionKey, connectionName: connectionName, email: email, userID: user.id,
            subject: user.subject, createdAt: at, expiresAt: expiresAt
        )
        let sessions = stores.sessions
        try await storeCall("session") { try await sessions.insert(record) }
        return Self.view(record, name: connectionName)
    }

    /// Finishes a login for an identity that did not come through a protocol flow. Tests use it
    /// to reach ``LoginCompletion`` directly; it is internal so that no product code can mint a
    /// session without a protocol check. `issuer` `nil` takes the connection's current one.
    func completeLogin(
        identity: SsoIdentity, connectionID: String, issuer: String? = nil, sessionNotOnOrAfter: Date? = nil
    ) async throws(SsoError) -> SsoLoginOutcome {
        let context = try await ConnectionContext.usable(connectionID, in: self)
        let linkIssuer: String
        if let issuer { linkIssuer = issuer } else { linkIssuer = await connectionIssuer(context) }
        return try await LoginCompletion(context: context).finish(
            VerifiedLogin(identity: identity, issuer: linkIssuer, sessionNotOnOrAfter: sessionNotOnOrAfter))
    }

    /// The issuer a connection's logins are linked under: the OIDC `issuer_url`, the SAML IdP
    /// metadata's entity ID, or the LDAP server URL. SAML metadata that cannot be read gives
    /// `saml:<connection id>`.
    private func connectionIssuer(_ context: ConnectionContext) async -> String {
        switch context.record.settings {
        case .oidc(let settings): return settings.issuerURL
        case .saml(let settings):
            let loader = SAMLMetadataLoader(context: context, settings: settings)
            return (try? await loader.metadata().entityID) ?? "saml:" + context.id
        case .ldap(let settings): return settings.serverURL
        }
    }
}
