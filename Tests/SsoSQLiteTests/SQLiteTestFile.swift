import Foundation
import SsoSQLite
import SsoStorage

/// A fresh SQLite path in a temporary folder, removed (with its WAL files) by ``remove()``.
struct SQLiteTestFile: Sendable {
    let folder: URL
    var path: String { folder.appending(path: "sso.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "sso-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Every byte of the database and its WAL, for the secrets-at-rest check.
    func allBytes() throws -> Data {
        var data = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            data.append(try Data(contentsOf: folder.appending(path: name)))
        }
        return data
    }

    /// A test-only keyring from fixed bytes.
    static func keyring(_ seed: UInt8 = 1, previous: [UInt8] = []) throws -> SsoSecretsKeyring {
        try SsoSecretsKeyring(
            current: Array(repeating: seed, count: 32), previous: previous.map { Array(repeating: $0, count: 32) })
    }
}
