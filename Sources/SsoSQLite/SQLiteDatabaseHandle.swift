import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLiteNIO
import SsoCore
import Synchronization

/// The store's one connection, with the pragmas that make it safe for several processes (WAL,
/// busy timeout, foreign keys) and transactions that take the write lock up front.
final class SQLiteDatabaseHandle: Sendable {
    let connection: SQLiteConnection
    /// The connection's own thread: SQLite waits for another process's lock by sleeping on
    /// it, which on a shared pool would stall the very connection holding the lock.
    private let thread: NIOThreadPool
    private let gate = SQLiteGate()
    private let closed = Atomic<Bool>(false)

    static let busyTimeoutMilliseconds = 5_000

    private init(connection: SQLiteConnection, thread: NIOThreadPool) {
        self.connection = connection
        self.thread = thread
    }

    static func open(path: String, logger: Logger) async throws(SsoError) -> SQLiteDatabaseHandle {
        let thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(
                storage: .file(path: path), threadPool: thread, logger: logger,
                on: MultiThreadedEventLoopGroup.singleton.any())
        } catch {
            try? await thread.shutdownGracefully()
            throw SsoError(.storeUnavailable, "the SQLite database could not be opened", underlying: error)
        }
        let handle = SQLiteDatabaseHandle(connection: connection, thread: thread)
        do {
            try await handle.gate.runMapped {
                _ = try await connection.query("PRAGMA busy_timeout = \(busyTimeoutMilliseconds)")
                // Switching to WAL takes an exclusive lock without waiting on the busy timeout,
                // so a process opening while another does retries for as long as the timeout.
                try await retryingWhileBusy { _ = try await connection.query("PRAGMA journal_mode = WAL") }
                _ = try await connection.query("PRAGMA foreign_keys = ON")
                _ = try await connection.query("PRAGMA synchronous = NORMAL")
            }
        } catch {
            await handle.close()
            throw error
        }
        return handle
    }

    private static func retryingWhileBusy(_ body: @Sendable () async throws -> Void) async throws {
        let deadline = ContinuousClock.now + .milliseconds(busyTimeoutMilliseconds)
        while true {
            do {
                return try await body()
            } catch let error as SQLiteError where error.reason == .busy && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    /// Runs `body` in a transaction holding the write lock (`BEGIN IMMEDIATE`); rolls back on
    /// any error, so a failed operation changes nothing.
    func write<T: Sendable>(_ body: @Sendable (SQLiteConnection) async throws -> T) async throws(SsoError) -> T {
        let connection = self.connection
        return try await gate.runMapped {
            _ = try await connection.query("BEGIN IMMEDIATE")
            do {
                let result = try await body(connection)
                _ = try await connection.query("COMMIT")
                return result
            } catch {
                // Through the future API: a cancelled task's async query would not run, and the
                // connection would stay inside the failed transaction.
                let rollback: EventLoopFuture<[SQLiteRow]> = connection.query("ROLLBACK", [])
                _ = try? await rollback.get()
                throw error
            }
        }
    }

    /// Runs `body`, a single read statement or several that need no snapshot.
    func read<T: Sendable>(_ body: @Sendable (SQLiteConnection) async throws -> T) async throws(SsoError) -> T {
        let connection = self.connection
        return try await gate.runMapped { try await body(connection) }
    }

    /// Closes the connection, also from a cancelled task (the async `close` would refuse to
    /// run there and leave the handle open).
    func close() async {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let closing: EventLoopFuture<Void> = connection.close()
        try? await closing.get()
        try? await thread.shutdownGracefully()
    }

    /// A handle dropped without ``close()`` (its owner threw first) still closes its connection
    /// and thread, in the background, instead of leaking them.
    deinit {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let thread = thread
        connection.close().whenComplete { _ in thread.shutdownGracefully { _ in } }
    }
}

extension SQLiteGate {
    /// Runs `body` alone and maps SQLite failures to store errors (an `SsoError` passes through).
    func runMapped<T: Sendable>(_ body: @Sendable () async throws -> T) async throws(SsoError) -> T {
        do {
            return try await run(body)
        } catch let error as SsoError {
            throw error
        } catch let error as SQLiteError
            where [.busy, .locked, .busyTimeout, .cantOpen, .ioError].contains(error.reason)
        {
            throw SsoError(.storeUnavailable, "the SQLite database is busy or unreachable", underlying: error)
        } catch {
            throw SsoError(.storeFailed, "the SQLite store failed", underlying: error)
        }
    }
}
