import Foundation
import Sso
import Testing

/// Errors made by a shared factory still say where they were raised, not where the factory is.
@Suite struct ErrorLocationTests {
    @Test func aFactoryErrorCarriesItsCallersLocation() async throws {
        let engine = SsoEngine()
        var caught: SsoError?
        do {
            _ = try await engine.handleOidcCallback(code: "code", state: "")
        } catch {
            caught = error
        }
        let error = try #require(caught)
        #expect(error.code == .loginInvalidState)
        #expect(error.file.hasSuffix("OIDCLoginCallback.swift"))
        #expect(error.line > 0)
        #expect(error.detailedDescription().contains("OIDCLoginCallback.swift"))
    }
}
