import Foundation
import Logging
import PostgresNIO
import SsoPostgres
import SsoStorage
import SsoTestSupport

extension PostgresTestServer {
    /// The client configuration for the throwaway server (no TLS on loopback).
    var configuration: PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: "127.0.0.1", port: port, username: Self.username, password: Self.password,
            database: Self.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(2)
        return configuration
    }

    func open(keyring seed: UInt8 = 1, previous: [UInt8] = [], deadline: Duration = .seconds(10)) async throws
        -> SsoPostgresStore
    {
        try await SsoPostgresStore.open(
            configuration: configuration, keyring: try testKeyring(seed, previous: previous), deadline: deadline)
    }

    /// Runs `body` with a fresh server, stopped afterwards also when `body` throws.
    static func with<T>(_ body: (PostgresTestServer) async throws -> T) async throws -> T {
        let server = try await start()
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}

/// A test-only keyring from fixed bytes.
func testKeyring(_ seed: UInt8 = 1, previous: [UInt8] = []) throws -> SsoSecretsKeyring {
    try SsoSecretsKeyring(
        current: Array(repeating: seed, count: 32), previous: previous.map { Array(repeating: $0, count: 32) })
}
