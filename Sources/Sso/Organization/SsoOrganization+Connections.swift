import Foundation

extension SsoOrganization {
    /// Creates a connection (reference: `create_connection`).
    ///
    /// Everything is validated before anything is written; the domains are claimed atomically.
    /// - Throws: `connection.invalid_params` naming the field, `routing.domain_conflict` when a
    ///   domain is claimed by any connection of any organization, `connection.limit_reached`.
    public func createConnection(_ params: CreateSsoConnectionParams) async throws(SsoError) -> SsoConnection {
        let valid = try validator.validate(params)
        let connections = stores.connections
        let limit = engine.settings.maxConnectionsPerOrganization
        let created = now
        let record = SsoConnectionRecord(
            id: SsoID.make(prefix: SsoID.connectionPrefix, date: created, random: engine.random),
            organizationID: id, name: valid.name, domains: valid.domains, matchSubdomains: valid.matchSubdomains,
            jitProvisioning: valid.jitProvisioning, defaultRole: valid.defaultRole, redirectURIs: valid.redirectURIs,
            settings: valid.settings, createdAt: created, updatedAt: created
        )
        try await storeCall("connection") { try await connections.insert(record, limitPerOrganization: limit) }
        logger.info(
            "sso connection created",
            metadata: ["organization_id": "\(id)", "connection_id": "\(record.id)", "protocol": "\(record.protocol)"])
        return SsoConnection(record)
    }

    /// The organization's connections, oldest first (reference: `list_connections`).
    public func listConnections() async throws(SsoError) -> SsoConnectionList {
        let connections = stores.connections
        let organizationID = id
        let records = try await storeCall("connection") {
            try await connections.connections(organizationID: organizationID)
        }
        return SsoConnectionList(connections: records.map(SsoConnection.init))
    }

    /// One connection (reference: `get_connection`).
    /// - Throws: `connection.not_found` for an unknown id or another organization's.
    public func getConnection(_ connectionID: String) async throws(SsoError) -> SsoConnection {
        SsoConnection(try await connectionRecord(connectionID))
    }

    /// Updates a connection (reference: `update_connection`); `nil` fields stay as they are.
    ///
    /// The merged connection is validated as a whole before anything is written. Setting
    /// `status` to `inactive` revokes the connection's sessions and discards its pending logins.
    /// - Throws: `connection.not_found`, `connection.invalid_params`, `routing.domain_conflict`.
    public func updateConnection(_ connectionID: String, _ params: UpdateSsoConnectionParams) async throws(SsoError)
        -> SsoConnection
    {
        let current = try await connectionRecord(connectionID)
        if params.status == .error {
            throw SsoError(.connectionInvalidParams, "status: must be active or inactive")
        }
        let valid = try validator.validate(params.applied(to: CreateSsoConnectionParams(record: current)))
        var updated = current
        updated.name = valid.name
        updated.domains = valid.domains
        updated.matchSubdomains = valid.matchSubdomains
        updated.jitProvisioning = valid.jitProvisioning
        updated.defaultRole = valid.defaultRole
        updated.redirectURIs = valid.redirectURIs
        updated.settings = valid.settings
        if let status = params.status {
            updated.status = status
            updated.statusReason = nil
        }
        let changedAt = now
        updated.updatedAt = changedAt
        let connections = stores.connections
        let replaced = try await storeCall("connection") { try await connections.replace(updated) }
        guard replaced else { throw Self.connectionNotFound() }
        if updated.status == .inactive, current.status != .inactive {
            try await cutOff(connectionID: connectionID, at: changedAt)
        }
        logger.info(
            "sso connection updated", metadata: ["organization_id": "\(id)", "connection_id": "\(connectionID)"])
        return SsoConnection(updated)
    }

    /// Deletes a connection (reference: `delete_connection`): its domains stop routing, its
    /// sessions are revoked and its pending logins become unusable, immediately.
    /// - Throws: `connection.not_found`.
    public func deleteConnection(_ connectionID: String) async throws(SsoError) {
        _ = try await connectionRecord(connectionID)
        let connections = stores.connections
        let organizationID = id
        let removed = try await storeCall("connection") {
            try await connections.remove(id: connectionID, organizationID: organizationID)
        }
        guard removed != nil else { throw Self.connectionNotFound() }
        try await cutOff(connectionID: connectionID, at: now)
        logger.info(
            "sso connection deleted", metadata: ["organization_id": "\(id)", "connection_id": "\(connectionID)"])
    }

    /// The connection an email address or bare domain routes to, if this organization owns it.
    /// - Throws: `routing.invalid_email` / `routing.invalid_domain`, `routing.no_connection`.
    public func route(_ emailOrDomain: String) async throws(SsoError) -> SsoConnection {
        SsoConnection(try await routeRecord(emailOrDomain))
    }

    /// The stored connection an email address or bare domain routes to, if this organization owns it.
    /// - Throws: as ``route(_:)``.
    func routeRecord(_ emailOrDomain: String) async throws(SsoError) -> SsoConnectionRecord {
        let record = try await engine.routeRecord(emailOrDomain)
        guard record.organizationID.bytesEqual(id) else {
            throw SsoError(.routingNoConnection, "no SSO connection is configured for this domain")
        }
        return record
    }

    /// Revokes the sessions and discards the pending logins of a connection.
    private func cutOff(connectionID: String, at time: Date) async throws(SsoError) {
        let sessions = stores.sessions
        _ = try await storeCall("session") { try await sessions.revokeAll(connectionID: connectionID, at: time) }
        try await discardPendingLogins(connectionID: connectionID)
        // The cached LDAP authenticator (and its pool of service-account connections) goes too.
        await engine.caches.ldap.remove(connectionID: connectionID)?.shutdown()
    }
}
