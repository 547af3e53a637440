import Foundation

extension SsoOrganization {
    /// Active sessions (not expired at the engine clock's now, not revoked), oldest first
    /// (reference: `list_sessions`). `connection_name` is the connection's current name.
    public func listSessions() async throws(SsoError) -> SsoSessionList {
        let at = now
        let sessions = stores.sessions
        let connections = stores.connections
        let organizationID = id
        let records = try await storeCall("session") {
            try await sessions.sessions(organizationID: organizationID, activeAt: at)
        }
        // A session whose connection is gone or inactive is not active, whatever its own state.
        var names = try await storeCall("connection") {
            try await connections.connections(organizationID: organizationID)
        }.reduce(into: [String: String]()) { names, connection in
            if connection.status != .inactive { names[connection.id] = connection.name }
        }
        let organizations = stores.organizations
        let hasConfig = try await storeCall("organization") {
            try await organizations.config(organizationID: organizationID) != nil
        }
        if hasConfig { names[legacyConnectionKey] = LegacyLoginFlow.connectionName }
        return SsoSessionList(
            sessions: records.compactMap { record in
                names[record.connectionID].map { Self.view(record, name: $0) }
            })
    }

    /// Revokes an active session (reference: `revoke_session`).
    /// - Throws: `session.not_found` for an unknown, expired, already revoked or other
    ///   organization's session.
    public func revokeSession(_ sessionID: String) async throws(SsoError) {
        let at = now
        _ = try await activeSessionRecord(sessionID, at: at)
        let sessions = stores.sessions
        let organizationID = id
        let revoked = try await storeCall("session") {
            try await sessions.revoke(id: sessionID, organizationID: organizationID, at: at)
        }
        guard revoked else { throw Self.sessionNotFound() }
        logger.info("sso session revoked", metadata: ["organization_id": "\(id)", "session_id": "\(sessionID)"])
    }

    /// The session if it is still usable: active, of this organization, and its connection (or,
    /// for a legacy login, the legacy config) still exists and is not inactive (a connection in
    /// `error` after a failed test keeps its sessions). Call it on each request that relies on an
    /// SSO session.
    /// - Throws: `session.not_found`.
    public func validateSession(_ sessionID: String) async throws(SsoError) -> SsoSession {
        let record = try await activeSessionRecord(sessionID, at: now)
        if record.connectionID.bytesEqual(legacyConnectionKey) {
            guard (try? await configRecord()) != nil else { throw Self.sessionNotFound() }
            return Self.view(record, name: LegacyLoginFlow.connectionName)
        }
        let connection: SsoConnectionRecord
        do {
            connection = try await usableConnectionRecord(record.connectionID)
        } catch {
            throw Self.sessionNotFound()
        }
        return Self.view(record, name: connection.name)
    }

    static func sessionNotFound(file: String = #fileID, line: Int = #line) -> SsoError {
        SsoError(.sessionNotFound, "no active session with this id in this organization", file: file, line: line)
    }

    static func view(_ record: SsoSessionRecord, name: String?) -> SsoSession {
        SsoSession(
            id: record.id, email: record.email, connectionID: record.connectionID,
            connectionName: name ?? record.connectionName, createdAt: record.createdAt, expiresAt: record.expiresAt
        )
    }

    private func activeSessionRecord(_ sessionID: String, at time: Date) async throws(SsoError) -> SsoSessionRecord {
        guard SsoID.isValid(sessionID, prefix: SsoID.sessionPrefix) else { throw Self.sessionNotFound() }
        let sessions = stores.sessions
        let organizationID = id
        let record = try await storeCall("session") {
            try await sessions.session(id: sessionID, organizationID: organizationID)
        }
        guard let record, record.organizationID.bytesEqual(id), record.isActive(at: time) else {
            throw Self.sessionNotFound()
        }
        return record
    }
}
