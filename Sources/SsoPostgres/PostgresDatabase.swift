import Foundation
import Logging
import PostgresNIO
import Sso
import SsoCore

/// The pool (postgres-nio's `PostgresClient`), its run task, and the deadline every operation
/// gets: a database that is down or slow is `store.unavailable` within ``deadline``, never a hang.
final class PostgresDatabase: Sendable {
    let client: PostgresClient
    let logger: Logger
    let deadline: Duration
    private let runner: Task<Void, Never>

    init(configuration: PostgresClient.Configuration, deadline: Duration, logger: Logger) {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.logger = logger
        self.deadline = deadline
        self.runner = Task { await client.run() }
    }

    /// Runs `body` in one transaction (rolled back on any error). `BEGIN` and `COMMIT` are two
    /// more round trips: an operation that is one statement uses ``autocommit(_:)``.
    func write<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws(SsoError)
        -> T
    {
        let client = self.client
        let logger = self.logger
        return try await bounded { try await client.withTransaction(logger: logger) { try await body($0) } }
    }

    /// Runs `body` on one pooled connection, outside a transaction: for an operation that is a
    /// single statement, read or write, which PostgreSQL runs atomically on its own.
    func autocommit<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T)
        async throws(SsoError)
        -> T
    {
        let client = self.client
        return try await bounded { try await client.withConnection { try await body($0) } }
    }

    func close() {
        runner.cancel()
    }

    private func bounded<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws(SsoError) -> T {
        let deadline = self.deadline
        do {
            return try await withThrowingTaskGroup(of: T.self) { group in
                group.addTask { try await body() }
                group.addTask {
                    try await Task.sleep(for: deadline)
                    throw SsoError(.storeUnavailable, "the PostgreSQL store did not answer within \(deadline)")
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else {
                    throw SsoError(.storeUnavailable, "the PostgreSQL store did not answer")
                }
                return first
            }
        } catch {
            throw Self.classify(error)
        }
    }
}

extension PostgresDatabase {
    /// An error of ours passes through (also from inside a transaction); a server's refusal of
    /// a statement is `store.failed`; anything else (no connection, a closed one, a timeout) is
    /// `store.unavailable`.
    static func classify(_ error: any Error) -> SsoError {
        switch error {
        case let error as SsoError:
            return error
        case let error as PostgresTransactionError:
            if let inner = error.closureError ?? error.beginError ?? error.commitError { return classify(inner) }
            return SsoError(.storeUnavailable, "a PostgreSQL transaction failed")
        case let error as PSQLError where error.code == .server:
            return SsoError(.storeFailed, "the PostgreSQL store refused an operation", underlying: error)
        default:
            return SsoError(.storeUnavailable, "the PostgreSQL store is unreachable", underlying: error)
        }
    }
}

extension PostgresConnection {
    /// The rows of `query`, collected.
    func rows(_ query: PostgresQuery, _ logger: Logger) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger).collect()
    }
}
