import Foundation
import Logging

/// One organization's view of an ``SsoEngine``: the reference's admin operations (connections,
/// enforcement, sessions, legacy config), scoped so that ids belonging to another
/// organization behave exactly like unknown ids.
public struct SsoOrganization: Sendable {
    /// The organization id.
    public let id: String
    let engine: SsoEngine

    init(id: String, engine: SsoEngine) {
        self.id = id
        self.engine = engine
    }

    var stores: SsoStores { engine.stores }
    var now: Date { engine.clock.now }
    var logger: Logger { engine.logger }

    var validator: ConnectionValidator {
        ConnectionValidator(maxDomains: engine.settings.maxDomainsPerConnection)
    }

    @discardableResult
    func storeCall<T: Sendable>(_ store: String, _ body: () async throws -> T) async throws(SsoError) -> T {
        try await engine.storeCall(store, body)
    }

    static func connectionNotFound(file: String = #fileID, line: Int = #line) -> SsoError {
        SsoError(.connectionNotFound, "no connection with this id in this organization", file: file, line: line)
    }

    /// The stored connection `connectionID` if this organization owns it.
    /// - Throws: `connection.not_found`.
    func connectionRecord(_ connectionID: String) async throws(SsoError) -> SsoConnectionRecord {
        guard SsoID.isValid(connectionID, prefix: SsoID.connectionPrefix) else { throw Self.connectionNotFound() }
        let connections = stores.connections
        let record = try await storeCall("connection") { try await connections.connection(id: connectionID) }
        guard let record, record.organizationID.bytesEqual(id) else { throw Self.connectionNotFound() }
        return record
    }

    /// Like ``connectionRecord(_:)``, and the connection must not be `inactive`. A connection in
    /// `error` (its last test failed) stays usable: the status is a diagnosis, and every login
    /// still runs all protocol checks.
    /// - Throws: `connection.not_found`, `connection.inactive`.
    func usableConnectionRecord(_ connectionID: String) async throws(SsoError) -> SsoConnectionRecord {
        try Self.usable(try await connectionRecord(connectionID))
    }

    /// `record` unless it is `inactive`.
    /// - Throws: `connection.inactive`.
    static func usable(_ record: SsoConnectionRecord) throws(SsoError) -> SsoConnectionRecord {
        guard record.status != .inactive else {
            throw SsoError(.connectionInactive, "the connection is inactive and cannot be used to log in")
        }
        return record
    }
}
