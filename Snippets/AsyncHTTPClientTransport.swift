// The production transport: AsyncHTTPClient with TLS always verified, bounded reads, deadlines
// and no redirects or cookies of its own.
// snippet.hide
import Foundation
// snippet.show
import Sso
import SsoAsyncHTTPClient

// snippet.hide
func serve(caURL: URL) async throws {
    // snippet.show
    // Scoped: the client is shut down when the closure returns.
    try await AsyncHTTPClientTransport.withTransport { transport in
        let engine = SsoEngine(httpTransport: transport)
        _ = engine  // … serve until shutdown
    }

    // Or one for the life of the process, trusting a private CA (an internal ADFS, a test IdP)
    // next to the system's roots; shut it down at exit.
    var configuration = AsyncHTTPClientTransport.Configuration(requestTimeout: .seconds(15))
    try configuration.addTrustRoots(pem: Array(try Data(contentsOf: caURL)))
    let transport = AsyncHTTPClientTransport(configuration: configuration)
    try await transport.shutdown()
    // snippet.hide
}
// snippet.show
