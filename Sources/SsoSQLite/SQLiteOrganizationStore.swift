import Foundation
import SQLiteNIO
import Sso
import SsoCore
import SsoStorage

/// ``SsoOrganizationStore`` on SQLite; the legacy config's client secret is sealed.
struct SQLiteOrganizationStore: SsoOrganizationStore {
    let database: SQLiteDatabaseHandle
    let keyring: SsoSecretsKeyring

    func enforcement(organizationID: String) async throws -> SsoEnforcement? {
        let rows = try await database.read { connection in
            try await connection.query(
                "SELECT record FROM sso_enforcements WHERE organization_id = ?", [.text(organizationID)])
        }
        return try rows.first.map {
            try StoredJSON.decode(SsoEnforcement.self, from: $0.column("record")?.string ?? "")
        }
    }

    func setEnforcement(_ enforcement: SsoEnforcement, organizationID: String) async throws {
        let row = try StoredJSON.encode(enforcement)
        try await database.write { connection in
            _ = try await connection.query(
                """
                INSERT INTO sso_enforcements (organization_id, record) VALUES (?, ?)
                ON CONFLICT (organization_id) DO UPDATE SET record = excluded.record
                """, [.text(organizationID), .text(row)])
        }
    }

    func config(organizationID: String) async throws -> SsoConfigRecord? {
        let rows = try await database.read { connection in
            try await connection.query(
                "SELECT record FROM sso_configs WHERE organization_id = ?", [.text(organizationID)])
        }
        return try rows.first.map { try decode($0, organizationID: organizationID) }
    }

    @discardableResult
    func replaceConfig(_ config: SsoConfigRecord?, organizationID: String) async throws -> SsoConfigRecord? {
        let row = try config.map { try StoredJSON.encode($0, sealer: keyring.configSealer(organizationID)) }
        let previous = try await database.write { connection in
            let old = try await connection.query(
                "DELETE FROM sso_configs WHERE organization_id = ? RETURNING record", [.text(organizationID)])
            if let row {
                _ = try await connection.query(
                    "INSERT INTO sso_configs (organization_id, record) VALUES (?, ?)",
                    [.text(organizationID), .text(row)])
            }
            return old.first
        }
        return try previous.map { try decode($0, organizationID: organizationID) }
    }

    private func decode(_ row: SQLiteRow, organizationID: String) throws -> SsoConfigRecord {
        try StoredJSON.decode(
            SsoConfigRecord.self, from: row.column("record")?.string ?? "", sealer: keyring.configSealer(organizationID)
        )
    }
}
