import HTTPTypes
import SsoCore
import Testing

@Suite struct TransportTests {
    @Test func fetchRefusesABodyOverTheLimit() async throws {
        let transport = ClosureHTTPTransport { _, _, _ in
            HTTPTransportResponse(response: HTTPResponse(status: .ok), body: Array(repeating: 65, count: 2048))
        }
        let request = HTTPRequest(method: .get, scheme: "https", authority: "idp.example.com", path: "/jwks")
        let ok = try await transport.fetch(request, maxResponseBytes: 4096)
        #expect(ok.body.count == 2048)
        do {
            _ = try await transport.fetch(request, maxResponseBytes: 1024)
            Issue.record("expected a size error")
        } catch {
            #expect(error.code == .httpResponseTooLarge)
        }
    }

    @Test func transportFailuresBecomeTypedErrors() async {
        struct Boom: Error {}
        let transport = ClosureHTTPTransport { _, _, _ in throw Boom() }
        let request = HTTPRequest(method: .get, scheme: "https", authority: "idp.example.com", path: "/")
        do {
            _ = try await transport.fetch(request, maxResponseBytes: 10)
            Issue.record("expected a transport error")
        } catch {
            #expect(error.code == .httpTransportFailed)
            #expect(error.message.contains("idp.example.com"))
        }
    }

    @Test func errorsDescribeTheirCauseChain() {
        let inner = SsoError(.inputTooLarge, "inner")
        let outer = SsoError(.httpTransportFailed, "outer", underlying: inner)
        #expect(outer.description == "http.transport_failed: outer")
        #expect(outer.detailedDescription().contains("caused by input.too_large: inner"))
    }
}
