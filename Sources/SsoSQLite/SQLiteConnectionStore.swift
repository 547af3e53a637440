import Foundation
import SQLiteNIO
import Sso
import SsoCore
import SsoRouting
import SsoStorage

/// ``SsoConnectionStore`` on SQLite: one row per connection (its JSON, secrets sealed) and
/// one row per claimed domain, whose primary key is the normalised domain — the database
/// itself refuses a second claim. Writes hold the file's write lock, so a claim that finds its
/// domain free keeps it until the transaction ends.
struct SQLiteConnectionStore: SsoConnectionStore {
    let database: SQLiteDatabaseHandle
    let keyring: SsoSecretsKeyring

    func insert(_ record: SsoConnectionRecord, limitPerOrganization limit: Int?) async throws {
        let row = try StoredJSON.encode(record, sealer: keyring.connectionSealer(record.id))
        let domains = try DomainClaims.validated(record)
        try await database.write { connection in
            if let limit {
                let count = try await connection.count(
                    "SELECT count(*) FROM sso_connections WHERE organization_id = ?", [.text(record.organizationID)])
                if count >= limit { throw SsoConnectionRecord.limitReached(count) }
            }
            let inserted = try await connection.query(
                """
                INSERT INTO sso_connections (id, organization_id, created_at, schema_version, record)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING id
                """,
                [
                    .text(record.id), .text(record.organizationID), .float(record.createdAt.storedSeconds),
                    .integer(SsoConnectionRecord.schemaVersion), .text(row),
                ])
            guard !inserted.isEmpty else {
                throw SsoError(.storeDuplicateKey, "a connection with this id already exists")
            }
            try await Self.claim(domains, for: record, on: connection)
        }
    }

    func replace(_ record: SsoConnectionRecord) async throws -> Bool {
        let row = try StoredJSON.encode(record, sealer: keyring.connectionSealer(record.id))
        let domains = try DomainClaims.validated(record)
        return try await database.write { connection in
            let updated = try await connection.query(
                "UPDATE sso_connections SET record = ?, schema_version = ? WHERE id = ? AND organization_id = ? RETURNING id",
                [
                    .text(row), .integer(SsoConnectionRecord.schemaVersion), .text(record.id),
                    .text(record.organizationID),
                ])
            guard !updated.isEmpty else { return false }
            _ = try await connection.query("DELETE FROM sso_domain_claims WHERE connection_id = ?", [.text(record.id)])
            try await Self.claim(domains, for: record, on: connection)
            return true
        }
    }

    func connection(id: String) async throws -> SsoConnectionRecord? {
        let rows = try await database.read { connection in
            try await connection.query("SELECT record FROM sso_connections WHERE id = ?", [.text(id)])
        }
        return try rows.first.map { try decode($0, id: id) }
    }

    func connections(organizationID: String) async throws -> [SsoConnectionRecord] {
        let rows = try await database.read { connection in
            try await connection.query(
                "SELECT id, record FROM sso_connections WHERE organization_id = ? ORDER BY created_at, id",
                [.text(organizationID)])
        }
        return try rows.map { try decode($0, id: $0.column("id")?.string ?? "") }
    }

    func remove(id: String, organizationID: String) async throws -> SsoConnectionRecord? {
        let rows = try await database.write { connection in
            try await connection.query(
                "DELETE FROM sso_connections WHERE id = ? AND organization_id = ? RETURNING record",
                [.text(id), .text(organizationID)])
        }
        return try rows.first.map { try decode($0, id: id) }
    }

    func route(_ domain: DomainName) async throws -> SsoConnectionRecord? {
        let candidates = DomainClaims.candidates(for: domain)
        let placeholders = Array(repeating: "?", count: candidates.count).joined(separator: ", ")
        let rows = try await database.read { connection in
            try await connection.query(
                """
                SELECT c.domain, c.include_subdomains, s.id, s.record FROM sso_domain_claims c
                JOIN sso_connections s ON s.id = c.connection_id WHERE c.domain IN (\(placeholders))
                """, candidates.map { .text($0) })
        }
        let claims = rows.compactMap { row -> DomainClaims.Found? in
            guard let claimed = row.column("domain")?.string, let id = row.column("id")?.string,
                let record = row.column("record")?.string
            else { return nil }
            return DomainClaims.Found(
                domain: claimed, includesSubdomains: row.column("include_subdomains")?.integer == 1,
                connectionID: id, payload: record)
        }
        guard let match = DomainClaims.nearest(claims, for: domain) else { return nil }
        return try StoredJSON.decode(
            SsoConnectionRecord.self, from: match.payload, sealer: keyring.connectionSealer(match.connectionID))
    }

    private func decode(_ row: SQLiteRow, id: String) throws -> SsoConnectionRecord {
        guard let text = row.column("record")?.string else {
            throw SsoError(.storeFailed, "a stored connection has no record")
        }
        return try StoredJSON.decode(SsoConnectionRecord.self, from: text, sealer: keyring.connectionSealer(id))
    }

    /// Claims every domain, or none: a domain another connection holds fails the transaction.
    private static func claim(_ domains: [DomainName], for record: SsoConnectionRecord, on connection: SQLiteConnection)
        async throws
    {
        try await DomainClaims.claimEach(domains) { domain in
            !(try await connection.query(
                """
                INSERT INTO sso_domain_claims (domain, connection_id, include_subdomains) VALUES (?, ?, ?)
                ON CONFLICT (domain) DO NOTHING RETURNING domain
                """, [.text(domain.ascii), .text(record.id), .integer(record.matchSubdomains ? 1 : 0)])).isEmpty
        }
    }
}

extension SQLiteConnection {
    func count(_ sql: String, _ binds: [SQLiteData]) async throws -> Int {
        let rows = try await query(sql, binds)
        return rows.first?.columns.first.flatMap { $0.data.integer }.map { Int($0) } ?? 0
    }
}
