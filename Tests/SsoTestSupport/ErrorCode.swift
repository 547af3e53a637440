import SsoCore

/// Runs `body` and returns the code of the `SsoError` it throws, or nil when it does not throw.
/// Any other error becomes the code `test.not_an_sso_error` (so it cannot match an expected one).
public func errorCode<T>(_ body: () throws -> T) -> SsoError.Code? {
    do {
        _ = try body()
        return nil
    } catch let error as SsoError {
        return error.code
    } catch {
        return "test.not_an_sso_error"
    }
}

/// The async form of ``errorCode(_:)``.
public func errorCode<T>(_ body: () async throws -> T) async -> SsoError.Code? {
    do {
        _ = try await body()
        return nil
    } catch let error as SsoError {
        return error.code
    } catch {
        return "test.not_an_sso_error"
    }
}
