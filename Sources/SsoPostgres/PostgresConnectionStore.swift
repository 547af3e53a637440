import Foundation
import PostgresNIO
import Sso
import SsoCore
import SsoRouting
import SsoStorage

/// ``SsoConnectionStore`` on PostgreSQL. Domain claims have the normalised domain as primary
/// key; an insert takes the organization's advisory lock, so the limit is counted inside the
/// inserting transaction without two creates passing it together.
struct PostgresConnectionStore: SsoConnectionStore {
    let database: PostgresDatabase
    let keyring: SsoSecretsKeyring

    func insert(_ record: SsoConnectionRecord, limitPerOrganization limit: Int?) async throws {
        let row = try StoredJSON.encode(record, sealer: keyring.connectionSealer(record.id))
        let domains = try DomainClaims.validated(record)
        let logger = database.logger
        let version = SsoConnectionRecord.schemaVersion
        try await database.write { connection in
            let lock = "sso-organization:\(record.organizationID)"
            _ = try await connection.rows("SELECT pg_advisory_xact_lock(hashtextextended(\(lock), 0))", logger)
            if let limit {
                let rows = try await connection.rows(
                    "SELECT count(*) FROM sso_connections WHERE organization_id = \(record.organizationID)", logger)
                let count = Int(try rows.first?.decode(Int64.self) ?? 0)
                if count >= limit { throw SsoConnectionRecord.limitReached(count) }
            }
            let inserted = try await connection.rows(
                """
                INSERT INTO sso_connections (id, organization_id, created_at, schema_version, record)
                VALUES (\(record.id), \(record.organizationID), \(record.createdAt.storedSeconds), \(version), \(row))
                ON CONFLICT (id) DO NOTHING RETURNING id
                """, logger)
            guard !inserted.isEmpty else {
                throw SsoError(.storeDuplicateKey, "a connection with this id already exists")
            }
            try await Self.claim(domains, for: record, on: connection, logger)
        }
    }

    func replace(_ record: SsoConnectionRecord) async throws -> Bool {
        let row = try StoredJSON.encode(record, sealer: keyring.connectionSealer(record.id))
        let domains = try DomainClaims.validated(record)
        let logger = database.logger
        let version = SsoConnectionRecord.schemaVersion
        return try await database.write { connection in
            let updated = try await connection.rows(
                """
                UPDATE sso_connections SET record = \(row), schema_version = \(version)
                WHERE id = \(record.id) AND organization_id = \(record.organizationID) RETURNING id
                """, logger)
            guard !updated.isEmpty else { return false }
            _ = try await connection.rows("DELETE FROM sso_domain_claims WHERE connection_id = \(record.id)", logger)
            try await Self.claim(domains, for: record, on: connection, logger)
            return true
        }
    }

    func connection(id: String) async throws -> SsoConnectionRecord? {
        let logger = database.logger
        let rows = try await database.autocommit { connection in
            try await connection.rows(PostgresLoginStatements.ConnectionRecord(id: id), logger)
        }
        return try rows.first.map { try decode(try $0.decode(String.self), id: id) }
    }

    func connections(organizationID: String) async throws -> [SsoConnectionRecord] {
        let logger = database.logger
        let rows = try await database.autocommit { connection in
            try await connection.rows(
                """
                SELECT id, record FROM sso_connections WHERE organization_id = \(organizationID)
                ORDER BY created_at, id COLLATE "C"
                """, logger)
        }
        return try rows.map { row in
            let (id, record) = try row.decode((String, String).self)
            return try decode(record, id: id)
        }
    }

    func remove(id: String, organizationID: String) async throws -> SsoConnectionRecord? {
        let logger = database.logger
        let rows = try await database.write { connection in
            try await connection.rows(
                "DELETE FROM sso_connections WHERE id = \(id) AND organization_id = \(organizationID) RETURNING record",
                logger)
        }
        return try rows.first.map { try decode(try $0.decode(String.self), id: id) }
    }

    func route(_ domain: DomainName) async throws -> SsoConnectionRecord? {
        let candidates = DomainClaims.candidates(for: domain)
        let logger = database.logger
        let rows = try await database.autocommit { connection in
            try await connection.rows(
                """
                SELECT c.domain, c.include_subdomains, s.id, s.record FROM sso_domain_claims c
                JOIN sso_connections s ON s.id = c.connection_id WHERE c.domain = ANY(\(candidates))
                """, logger)
        }
        let claims = try rows.map { row in
            let (claimed, subdomains, id, record) = try row.decode((String, Bool, String, String).self)
            return DomainClaims.Found(
                domain: claimed, includesSubdomains: subdomains, connectionID: id, payload: record)
        }
        guard let match = DomainClaims.nearest(claims, for: domain) else { return nil }
        return try decode(match.payload, id: match.connectionID)
    }

    private func decode(_ text: String, id: String) throws -> SsoConnectionRecord {
        try StoredJSON.decode(SsoConnectionRecord.self, from: text, sealer: keyring.connectionSealer(id))
    }

    /// Claims every domain, or none: a domain another connection holds (or is claiming in a
    /// concurrent transaction, which this waits for) fails the whole transaction.
    private static func claim(
        _ domains: [DomainName], for record: SsoConnectionRecord, on connection: PostgresConnection, _ logger: Logger
    ) async throws {
        try await DomainClaims.claimEach(domains) { domain in
            !(try await connection.rows(
                """
                INSERT INTO sso_domain_claims (domain, connection_id, include_subdomains)
                VALUES (\(domain.ascii), \(record.id), \(record.matchSubdomains))
                ON CONFLICT (domain) DO NOTHING RETURNING domain
                """, logger)).isEmpty
        }
    }
}
