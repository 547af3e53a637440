import Foundation

/// Runs a command-line tool for a test without blocking Swift's cooperative thread pool.
///
/// `Process.waitUntilExit()` and pipe reads block their thread; on a 2-core CI machine the pool has
/// two threads, so a test that blocks one starves every other test's timers and deadlines. The
/// process is driven from its own threads and awaited through a continuation.
public enum ChildProcess {
    /// What a finished process left behind.
    public struct Outcome: Sendable {
        public var status: Int32
        public var standardOutput: Data
        public var standardError: Data

        public var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
        public var errorText: String { String(decoding: standardError, as: UTF8.self) }
    }

    /// Runs `executable` with `arguments`, feeding `standardInput` when given, and returns its exit
    /// status and output. Throws only when the process cannot be started.
    public static func run(
        _ executable: URL,
        _ arguments: [String],
        standardInput: Data? = nil,
        environment: [String: String]? = nil
    ) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(
                    with: Swift.Result(catching: {
                        try runBlocking(executable, arguments, standardInput: standardInput, environment: environment)
                    }))
            }
            thread.start()
        }
    }

    private static func runBlocking(
        _ executable: URL,
        _ arguments: [String],
        standardInput: Data?,
        environment: [String: String]?
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        // Read standard error on its own thread so neither pipe can fill up and stall the child.
        let errorData = ErrorCollector()
        let errorReader = Thread {
            errorData.set(errors.fileHandleForReading.readDataToEndOfFile())
        }
        errorReader.start()
        if let standardInput {
            input.fileHandleForWriting.write(standardInput)
        }
        try? input.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, standardOutput: outputData, standardError: errorData.wait())
    }

    private final class ErrorCollector: @unchecked Sendable {
        private let condition = NSCondition()
        private var data: Data?

        func set(_ value: Data) {
            condition.lock()
            data = value
            condition.signal()
            condition.unlock()
        }

        func wait() -> Data {
            condition.lock()
            defer { condition.unlock() }
            while data == nil { condition.wait() }
            return data ?? Data()
        }
    }
}
