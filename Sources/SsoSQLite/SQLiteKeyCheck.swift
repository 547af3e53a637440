import Foundation
import SQLiteNIO
import Sso
import SsoCore
import SsoStorage

/// The key ids a file's secrets may be sealed under, each with a check value sealed by that
/// key: opening refuses a keyring that lacks one of them (a missing or wrong key is an error
/// at open, never an empty secret at login).
enum SQLiteKeyCheck {
    static func verify(_ keyring: SsoSecretsKeyring, on connection: SQLiteConnection) async throws {
        let rows = try await connection.query("SELECT key_id, check_value FROM sso_secret_keys")
        for row in rows {
            let keyID = row.column("key_id")?.string ?? ""
            guard keyring.knows(keyID: keyID) else {
                throw SsoError(
                    .storeSecretsKeyMissing,
                    "the store holds secrets sealed with key \(keyID), which is not among the configured keys "
                        + "(\(keyring.keyIDs.sorted().joined(separator: ", ")))")
            }
            guard
                (try? keyring.checkSealer().open(row.column("check_value")?.string ?? ""))
                    == SsoSecretsKeyring.checkPlaintext
            else {
                throw SsoError(
                    .storeSecretsKeyMissing, "the configured key \(keyID) does not open this store's secrets")
            }
        }
        if !rows.contains(where: { $0.column("key_id")?.string == keyring.currentKeyID }) {
            _ = try await connection.query(
                "INSERT INTO sso_secret_keys (key_id, check_value) VALUES (?, ?)",
                [.text(keyring.currentKeyID), .text(try keyring.checkSealer().seal(SsoSecretsKeyring.checkPlaintext))])
        }
    }

    /// Re-seals every connection and legacy config under the current key, then drops the other
    /// key ids. Returns the number of rows re-sealed.
    static func reseal(with keyring: SsoSecretsKeyring, on connection: SQLiteConnection) async throws -> Int {
        var count = 0
        for row in try await connection.query("SELECT id, record FROM sso_connections") {
            let id = row.column("id")?.string ?? ""
            let record = try StoredJSON.decode(
                SsoConnectionRecord.self, from: row.column("record")?.string ?? "",
                sealer: keyring.connectionSealer(id))
            _ = try await connection.query(
                "UPDATE sso_connections SET record = ? WHERE id = ?",
                [.text(try StoredJSON.encode(record, sealer: keyring.connectionSealer(id))), .text(id)])
            count += 1
        }
        for row in try await connection.query("SELECT organization_id, record FROM sso_configs") {
            let organizationID = row.column("organization_id")?.string ?? ""
            let config = try StoredJSON.decode(
                SsoConfigRecord.self, from: row.column("record")?.string ?? "",
                sealer: keyring.configSealer(organizationID))
            _ = try await connection.query(
                "UPDATE sso_configs SET record = ? WHERE organization_id = ?",
                [
                    .text(try StoredJSON.encode(config, sealer: keyring.configSealer(organizationID))),
                    .text(organizationID),
                ])
            count += 1
        }
        _ = try await connection.query("DELETE FROM sso_secret_keys WHERE key_id != ?", [.text(keyring.currentKeyID)])
        return count
    }
}
