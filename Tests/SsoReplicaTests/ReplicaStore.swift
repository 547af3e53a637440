import Foundation
import Sso
import SsoPostgres
import SsoSQLite
import SsoStorage
import SsoTestSupport
import Testing

/// A durable store for a replica test: a SQLite file in a temporary folder, or a throwaway
/// PostgreSQL. Every handle opened on it is a separate replica (its own connections and caches).
struct ReplicaStore: Sendable {
    enum Kind: String, Sendable, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    /// A handle's stores and how to close it.
    struct Handle: Sendable {
        let stores: SsoStores
        let close: @Sendable () async -> Void
    }

    let kind: Kind
    /// The `--store` URL a child process opens.
    let url: String
    private let server: PostgresTestServer?
    private let folder: URL?

    /// Test-only secrets key: 32 bytes of 7.
    static let keyBytes = [UInt8](repeating: 7, count: 32)
    static var keyBase64: String { Data(keyBytes).base64EncodedString() }
    /// What a child process needs in its environment to open the store. No crash backtracer: a
    /// crashing child killed mid-backtrace would leave the backtracer holding its output pipe.
    static var childEnvironment: [String: String] { ["SSO_SECRETS_KEY": keyBase64, "SWIFT_BACKTRACE": "enable=no"] }

    /// Runs `body` with a fresh store of `kind`, removed afterwards also when `body` throws.
    static func with<T>(_ kind: Kind, _ body: (ReplicaStore) async throws -> T) async throws -> T {
        let store: ReplicaStore
        switch kind {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appending(path: "sso-replica-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            store = ReplicaStore(
                kind: kind, url: "sqlite:" + folder.appending(path: "sso.sqlite").path, server: nil, folder: folder)
        case .postgres:
            let server = try await PostgresTestServer.start()
            store = ReplicaStore(kind: kind, url: server.url, server: server, folder: nil)
        }
        do {
            let result = try await body(store)
            await store.remove()
            return result
        } catch {
            await store.remove()
            throw error
        }
    }

    /// Opens another replica's handle on the store.
    func open() async throws -> Handle {
        let keyring = try SsoSecretsKeyring(current: Self.keyBytes)
        switch kind {
        case .sqlite:
            let store = try await SsoSQLiteStore.open(path: String(url.dropFirst("sqlite:".count)), keyring: keyring)
            return Handle(stores: store.stores) { await store.close() }
        case .postgres:
            let store = try await SsoPostgresStore.open(
                configuration: try SsoPostgresStore.configuration(url: url), keyring: keyring)
            return Handle(stores: store.stores) { store.close() }
        }
    }

    /// Rows per table, read without a keyring.
    func counts() async throws -> [String: Int] {
        switch kind {
        case .sqlite: try await SsoSQLiteStore.status(path: String(url.dropFirst("sqlite:".count))).counts
        case .postgres:
            try await SsoPostgresStore.status(configuration: try SsoPostgresStore.configuration(url: url)).counts
        }
    }

    private func remove() async {
        await server?.stop()
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }
}
