import Sso

/// The suite's assertions: each throws an ``SsoStoreConformanceFailure`` at its caller's location.
enum Expect {
    /// Fails with `message` unless `condition` holds.
    static func that(
        _ condition: Bool, _ message: @autoclosure () -> String, file: String = #fileID, line: Int = #line
    ) throws(SsoStoreConformanceFailure) {
        guard condition else { throw SsoStoreConformanceFailure(message(), file: file, line: line) }
    }

    /// Fails unless `actual == expected`, naming `what` was compared.
    static func equal<Value: Equatable>(
        _ actual: Value, _ expected: Value, _ what: String, file: String = #fileID, line: Int = #line
    ) throws(SsoStoreConformanceFailure) {
        guard actual == expected else {
            throw SsoStoreConformanceFailure(
                "\(what): expected \(expected), got \(actual)", file: file, line: line)
        }
    }

    /// Runs `body` and fails unless it throws an ``SsoError`` with `code`.
    static func error(
        _ code: SsoError.Code, _ what: String, file: String = #fileID, line: Int = #line,
        _ body: () async throws -> Void
    ) async throws(SsoStoreConformanceFailure) {
        do {
            try await body()
        } catch let error as SsoError {
            guard error.code == code else {
                throw SsoStoreConformanceFailure(
                    "\(what): expected \(code), got \(error.code) (\(error.message))", file: file, line: line)
            }
            return
        } catch {
            throw SsoStoreConformanceFailure(
                "\(what): expected \(code), got a non-SsoError \(type(of: error))", file: file, line: line)
        }
        throw SsoStoreConformanceFailure("\(what): expected \(code), but it succeeded", file: file, line: line)
    }

    /// Calls `purge` (given the batch limit) until it returns 0, failing if a call reports more
    /// than `limit` or it never stops.
    static func purgesInBatches(
        limit: Int, _ what: String, file: String = #fileID, line: Int = #line,
        _ purge: (Int) async throws -> Int
    ) async throws {
        try that(try await purge(0) == 0, "\(what): a purge with limit 0 removed something", file: file, line: line)
        for _ in 0..<100_000 {
            let removed = try await purge(limit)
            try that(
                (0...limit).contains(removed), "\(what): removed \(removed) with limit \(limit)", file: file,
                line: line)
            if removed == 0 { return }
        }
        throw SsoStoreConformanceFailure("\(what): repeated purges never reached 0", file: file, line: line)
    }
}
