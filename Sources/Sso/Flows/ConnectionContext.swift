import Foundation

/// One connection as a login step sees it: the stored record, read once when the step starts,
/// with the organization (and so the engine) the step runs in. Flows take it instead of a
/// connection id, so no step reads the same record twice.
struct ConnectionContext: Sendable {
    let organization: SsoOrganization
    let record: SsoConnectionRecord

    var id: String { record.id }
    var engine: SsoEngine { organization.engine }

    /// The connection `connectionID` of `organization`, which must not be `inactive`. A
    /// connection in `error` (its last test failed) stays usable: the status is a diagnosis, and
    /// every login still runs all protocol checks.
    /// - Throws: `connection.not_found`, `connection.inactive`, `store.failed`.
    static func usable(_ connectionID: String, in organization: SsoOrganization) async throws(SsoError) -> Self {
        Self(organization: organization, record: try await organization.usableConnectionRecord(connectionID))
    }

    /// The connection `connectionID` of whichever organization owns it, for a callback route
    /// that names the connection but not the organization. Same checks as
    /// ``usable(_:in:)-(_,SsoOrganization)``.
    /// - Throws: `connection.not_found`, `connection.inactive`, `store.failed`.
    static func usable(_ connectionID: String, in engine: SsoEngine) async throws(SsoError) -> Self {
        guard SsoID.isValid(connectionID, prefix: SsoID.connectionPrefix) else {
            throw SsoOrganization.connectionNotFound()
        }
        let connections = engine.stores.connections
        guard
            let record = try await engine.storeCall(
                "connection", { try await connections.connection(id: connectionID) })
        else { throw SsoOrganization.connectionNotFound() }
        // The record names its organization: it is not read a second time through it.
        return Self(
            organization: try engine.organization(record.organizationID), record: try SsoOrganization.usable(record))
    }
}
