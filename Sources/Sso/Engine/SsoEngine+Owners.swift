extension SsoEngine {
    /// The organization that owns connection `connectionID`, for routes that serve every
    /// organization (an ACS or metadata URL names the connection, not its organization).
    /// - Throws: `connection.not_found`, `store.failed`.
    public func organization(ofConnection connectionID: String) async throws(SsoError) -> SsoOrganization {
        let connections = stores.connections
        guard connectionID.utf8.count <= 256,
            let record = try await storeCall("connection", { try await connections.connection(id: connectionID) })
        else { throw SsoOrganization.connectionNotFound() }
        return try organization(record.organizationID)
    }

    /// The organization whose connection an email address or bare domain routes to.
    /// - Throws: `routing.invalid_email` / `routing.invalid_domain`, `routing.no_connection`.
    public func organization(routing emailOrDomain: String) async throws(SsoError) -> SsoOrganization {
        try organization(try await routeRecord(emailOrDomain).organizationID)
    }
}
