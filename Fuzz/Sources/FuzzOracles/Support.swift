import Foundation

enum FileHandleOutput {
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Locates `Fixtures/` (env `SSO_FIXTURES`, else relative to this source file: both
/// `Fuzz/Sources/FuzzOracles/` and its symlink `Tests/SsoRegressionTests/Oracles/` are three
/// folders below the repository root).
enum FixtureFiles {
    static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["SSO_FIXTURES"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    }()

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(path)))
    }

    static func text(_ path: String) throws -> String {
        String(decoding: try bytes(path), as: UTF8.self)
    }

    /// Subfolders of `folder` (sorted) that contain `file`.
    static func folders(in folder: String, containing file: String) -> [String] {
        let base = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        return names.sorted().filter {
            FileManager.default.fileExists(atPath: base.appendingPathComponent($0).appendingPathComponent(file).path)
        }
    }
}

/// Fixture setup done once per process; a failure is reported as a violation on every input.
struct Lazy<Value: Sendable>: Sendable {
    let result: Result<Value, PropertyViolation>

    init(_ make: () throws -> Value) {
        do {
            result = .success(try make())
        } catch let error as PropertyViolation {
            result = .failure(error)
        } catch {
            result = .failure(PropertyViolation("fixture setup failed: \(error)"))
        }
    }

    func get() throws(PropertyViolation) -> Value {
        try result.get()
    }
}

/// Runs async work from the fuzzer's (non-cooperative) thread and waits for it.
///
/// The task starts immediately on this thread, so work that never suspends (the SAML validator
/// with ``AcceptAllReplayCache``) runs, allocates and frees entirely within the fuzz iteration.
/// A detached task instead frees its memory on a pool thread after the iteration has returned;
/// libFuzzer then sees more mallocs than frees on every input and runs a full leak check each
/// time, which was most of the `saml-response` target's time.
func runBlocking<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
    let box = BlockingBox<T>()
    let done = DispatchSemaphore(value: 0)
    let body: @Sendable () async -> Void = {
        box.value = await work()
        done.signal()
    }
    if #available(macOS 26, *) {
        _ = Task.immediate(operation: body)
    } else {
        _ = Task.detached(operation: body)
    }
    done.wait()
    // The semaphore orders the write before this read.
    guard let value = box.value else { preconditionFailure("runBlocking: task finished without a value") }
    return value
}

/// The result slot of ``runBlocking(_:)``; written once before the semaphore is signalled.
final class BlockingBox<T: Sendable>: @unchecked Sendable {
    var value: T?
    init() {}
}
