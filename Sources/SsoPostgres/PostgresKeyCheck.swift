import Foundation
import Logging
import PostgresNIO
import Sso
import SsoCore
import SsoStorage

/// The key ids the database's secrets may be sealed under, each with a sealed check value:
/// starting with a keyring that lacks one, or with a wrong key, is an error, never an empty
/// secret at login. Runs inside the migration transaction (under its advisory lock).
enum PostgresKeyCheck {
    static func verify(_ keyring: SsoSecretsKeyring, on connection: PostgresConnection, _ logger: Logger) async throws {
        var known = false
        for row in try await connection.rows("SELECT key_id, check_value FROM sso_secret_keys", logger) {
            let (keyID, check) = try row.decode((String, String).self)
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
            if keyID.bytesEqual(keyring.currentKeyID) { known = true }
        }
        if !known {
            let check = try keyring.checkSealer().seal(SsoSecretsKeyring.checkPlaintext)
            _ = try await connection.rows(
                "INSERT INTO sso_secret_keys (key_id, check_value) VALUES (\(keyring.currentKeyID), \(check))", logger)
        }
    }

    /// Re-seals every connection and legacy config under the current key and drops the other
    /// key ids; returns the rows re-sealed.
    static func reseal(with keyring: SsoSecretsKeyring, on connection: PostgresConnection, _ logger: Logger)
        async throws -> Int
    {
        var count = 0
        for row in try await connection.rows("SELECT id, record FROM sso_connections FOR UPDATE", logger) {
            let (id, text) = try row.decode((String, String).self)
            let sealer = keyring.connectionSealer(id)
            let record = try StoredJSON.decode(SsoConnectionRecord.self, from: text, sealer: sealer)
            let resealed = try StoredJSON.encode(record, sealer: sealer)
            _ = try await connection.rows("UPDATE sso_connections SET record = \(resealed) WHERE id = \(id)", logger)
            count += 1
        }
        for row in try await connection.rows("SELECT organization_id, record FROM sso_configs FOR UPDATE", logger) {
            let (organizationID, text) = try row.decode((String, String).self)
            let sealer = keyring.configSealer(organizationID)
            let config = try StoredJSON.decode(SsoConfigRecord.self, from: text, sealer: sealer)
            let resealed = try StoredJSON.encode(config, sealer: sealer)
            _ = try await connection.rows(
                "UPDATE sso_configs SET record = \(resealed) WHERE organization_id = \(organizationID)", logger)
            count += 1
        }
        _ = try await connection.rows("DELETE FROM sso_secret_keys WHERE key_id <> \(keyring.currentKeyID)", logger)
        return count
    }
}
