import Foundation
import PostgresNIO
import Sso
import SsoCore
import SsoStorage

/// ``SsoOrganizationStore`` on PostgreSQL; the legacy config's client secret is sealed.
struct PostgresOrganizationStore: SsoOrganizationStore {
    let database: PostgresDatabase
    let keyring: SsoSecretsKeyring

    func enforcement(organizationID: String) async throws -> SsoEnforcement? {
        let logger = database.logger
        let rows = try await database.autocommit { connection in
            try await connection.rows(
                "SELECT record FROM sso_enforcements WHERE organization_id = \(organizationID)", logger)
        }
        return try rows.first.map { try StoredJSON.decode(SsoEnforcement.self, from: try $0.decode(String.self)) }
    }

    func setEnforcement(_ enforcement: SsoEnforcement, organizationID: String) async throws {
        let row = try StoredJSON.encode(enforcement)
        let logger = database.logger
        try await database.write { connection in
            _ = try await connection.rows(
                """
                INSERT INTO sso_enforcements (organization_id, record) VALUES (\(organizationID), \(row))
                ON CONFLICT (organization_id) DO UPDATE SET record = EXCLUDED.record
                """, logger)
        }
    }

    func config(organizationID: String) async throws -> SsoConfigRecord? {
        let logger = database.logger
        let rows = try await database.autocommit { connection in
            try await connection.rows(
                "SELECT record FROM sso_configs WHERE organization_id = \(organizationID)", logger)
        }
        return try rows.first.map { try decode(try $0.decode(String.self), organizationID: organizationID) }
    }

    @discardableResult
    func replaceConfig(_ config: SsoConfigRecord?, organizationID: String) async throws -> SsoConfigRecord? {
        let row = try config.map { try StoredJSON.encode($0, sealer: keyring.configSealer(organizationID)) }
        let logger = database.logger
        let previous = try await database.write { connection in
            let old = try await connection.rows(
                "DELETE FROM sso_configs WHERE organization_id = \(organizationID) RETURNING record", logger)
            if let row {
                _ = try await connection.rows(
                    "INSERT INTO sso_configs (organization_id, record) VALUES (\(organizationID), \(row))", logger)
            }
            return try old.first?.decode(String.self)
        }
        return try previous.map { try decode($0, organizationID: organizationID) }
    }

    private func decode(_ text: String, organizationID: String) throws -> SsoConfigRecord {
        try StoredJSON.decode(SsoConfigRecord.self, from: text, sealer: keyring.configSealer(organizationID))
    }
}
