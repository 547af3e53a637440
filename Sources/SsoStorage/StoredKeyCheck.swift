import Sso
import SsoCore

/// The key ids a store's secrets may be sealed under, each kept with a check value sealed by that
/// key: opening refuses a keyring that lacks one of them or holds another key under its id (an
/// error at open, never an empty secret at login). Written once for every durable store.
package enum StoredKeyCheck {
    /// Checks `keyring` against the store's key ids and records its current key id; runs inside
    /// the transaction that opens the store.
    /// - Throws: `store.secrets_key_missing`.
    package static func verify(_ keyring: SsoSecretsKeyring, on database: some StoredRowDatabase) async throws {
        var holdsCurrent = false
        for row in try await database.rows("SELECT key_id, check_value FROM sso_secret_keys", []) {
            let (keyID, check) = (try column(row, 0), try column(row, 1))
            guard keyring.knows(keyID: keyID) else {
                throw SsoError(
                    .storeSecretsKeyMissing,
                    "the store holds secrets sealed with key \(keyID), which is not among the configured keys "
                        + "(\(keyring.keyIDs.sorted().joined(separator: ", ")))")
            }
            guard (try? keyring.checkSealer().open(check)) == SsoSecretsKeyring.checkPlaintext else {
                throw SsoError(
                    .storeSecretsKeyMissing, "the configured key \(keyID) does not open this store's secrets")
            }
            if keyID.bytesEqual(keyring.currentKeyID) { holdsCurrent = true }
        }
        if !holdsCurrent {
            let check = try keyring.checkSealer().seal(SsoSecretsKeyring.checkPlaintext)
            let (first, second) = (database.placeholder(1), database.placeholder(2))
            try await database.execute(
                "INSERT INTO sso_secret_keys (key_id, check_value) VALUES (\(first), \(second))",
                [.text(keyring.currentKeyID), .text(check)])
        }
    }

    /// Re-seals every connection and legacy config under the current key, then forgets the other
    /// key ids; returns the rows re-sealed. Runs inside one write transaction.
    package static func reseal(with keyring: SsoSecretsKeyring, on database: some StoredRowDatabase) async throws
        -> Int
    {
        let connections = try await reseal(SsoConnectionRecord.self, in: "sso_connections", key: "id", on: database) {
            keyring.connectionSealer($0)
        }
        let configs = try await reseal(SsoConfigRecord.self, in: "sso_configs", key: "organization_id", on: database) {
            keyring.configSealer($0)
        }
        try await database.execute(
            "DELETE FROM sso_secret_keys WHERE key_id <> \(database.placeholder(1))", [.text(keyring.currentKeyID)])
        return connections + configs
    }

    /// Re-seals the `record` column of every row of `table`, each with the sealer of its `key`.
    private static func reseal<Record: Codable>(
        _ type: Record.Type, in table: StaticString, key: StaticString, on database: some StoredRowDatabase,
        sealer: (String) -> any SecretSealing
    ) async throws -> Int {
        let rows = try await database.rows("SELECT \(key), record FROM \(table)\(database.lockingRows)", [])
        for row in rows {
            let id = try column(row, 0)
            let record = try StoredJSON.decode(type, from: try column(row, 1), sealer: sealer(id))
            try await database.execute(
                "UPDATE \(table) SET record = \(database.placeholder(1)) WHERE \(key) = \(database.placeholder(2))",
                [.text(try StoredJSON.encode(record, sealer: sealer(id))), .text(id)])
        }
        return rows.count
    }

    private static func column(_ row: [String?], _ index: Int) throws(SsoError) -> String {
        guard index < row.count, let text = row[index] else {
            throw SsoError(.storeFailed, "a stored key or secret row is missing a column")
        }
        return text
    }
}
