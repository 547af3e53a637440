import HTTPTypes
import SsoAsyncHTTPClient
import SsoCore

/// A configuration that trusts the test CA of `Fixtures/tls/`.
func trustingTestCA(requestTimeout: Duration = .seconds(30)) throws -> AsyncHTTPClientTransport.Configuration {
    var configuration = AsyncHTTPClientTransport.Configuration(requestTimeout: requestTimeout)
    try configuration.addTrustRoots(pem: TestHTTPSServer.fixture("ca.pem"))
    return configuration
}

/// Runs `body` with a transport that trusts the test CA.
func withTrustingTransport<Result: Sendable>(
    requestTimeout: Duration = .seconds(30), _ body: (AsyncHTTPClientTransport) async throws -> Result
) async throws -> Result {
    try await AsyncHTTPClientTransport.withTransport(
        configuration: try trustingTestCA(requestTimeout: requestTimeout), body)
}

/// A request for `url` with `method` and `headers`.
func request(_ url: String, method: HTTPRequest.Method = .get, headers: HTTPFields = [:]) throws -> HTTPRequest {
    try EndpointURL(url, field: "test URL", invalid: "test.invalid", insecure: "test.insecure")
        .request(method: method, headers: headers)
}
