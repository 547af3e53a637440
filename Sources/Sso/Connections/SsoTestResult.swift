/// The reference's `SsoTestResult`: the outcome of testing a connection against its IdP.
public struct SsoTestResult: Sendable, Hashable, Codable {
    /// Whether the test passed.
    public var success: Bool
    /// What was checked, or why it failed (free of secrets).
    public var message: String
    /// How long the IdP took to answer, in milliseconds (measured with the engine's clock).
    public var responseTime: Int

    /// Creates a result from its parts; `responseTime` is in milliseconds.
    public init(success: Bool, message: String, responseTime: Int) {
        self.success = success
        self.message = message
        self.responseTime = responseTime
    }

    enum CodingKeys: String, CodingKey {
        case success, message
        case responseTime = "response_time"
    }
}
