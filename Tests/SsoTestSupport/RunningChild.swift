import Foundation

/// A child process whose standard output the test reads line by line while it runs, so it can
/// be killed at a chosen point (``kill()`` sends SIGKILL to its PID, as a crash would).
public final class RunningChild: @unchecked Sendable {
    private let process = Process()
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var buffer = Data()
    private var finishedReading = false

    /// Starts `executable` with `arguments` and `environment` added to this process's own.
    public init(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let handle = output.fileHandleForReading
        Thread { [self] in
            while true {
                let chunk = handle.availableData
                condition.lock()
                if chunk.isEmpty { finishedReading = true } else { buffer.append(chunk) }
                condition.broadcast()
                condition.unlock()
                if chunk.isEmpty { return }
            }
        }.start()
    }

    /// The complete lines printed so far.
    public var lines: [String] {
        condition.lock()
        defer { condition.unlock() }
        return Self.completeLines(buffer)
    }

    /// Waits until `count` lines were printed or the output ended; returns the lines so far.
    public func waitForLines(_ count: Int, timeout: TimeInterval = 60) async -> [String] {
        await Self.blocking { [self] in
            let deadline = Date().addingTimeInterval(timeout)
            condition.lock()
            defer { condition.unlock() }
            while Self.completeLines(buffer).count < count, !finishedReading, condition.wait(until: deadline) {}
            return Self.completeLines(buffer)
        }
    }

    /// Sends SIGKILL and waits until the process is gone.
    public func kill() async {
        Foundation.kill(process.processIdentifier, SIGKILL)
        _ = await exitStatus()
    }

    /// Waits for the process to end and returns its termination status.
    public func exitStatus() async -> Int32 {
        await Self.blocking { [self] in
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    private static func completeLines(_ data: Data) -> [String] {
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast()  // the text after the last newline is not a complete line yet
        return lines.filter { !$0.isEmpty }
    }

    private static func blocking<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }
}
