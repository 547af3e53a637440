import SsoCore
import SsoTestSupport
import Testing

@Suite("EndpointURL: the one URL checker")
struct EndpointURLTests {
    static func check(_ text: String, allowAnyHTTP: Bool = false) -> SsoError.Code? {
        do {
            _ = try EndpointURL(
                text, field: "url", invalid: "test.invalid", insecure: "test.insecure",
                allowAnyHTTP: allowAnyHTTP)
            return nil
        } catch {
            return error.code
        }
    }

    @Test("malformed URLs are refused as invalid", arguments: HostileURLs.malformed)
    func malformed(_ url: String) {
        #expect(Self.check(url) == "test.invalid")
        #expect(Self.check(url, allowAnyHTTP: true) == "test.invalid")
    }

    @Test("hosts that only look like loopback do not get plain http", arguments: HostileURLs.fakeLoopback)
    func fakeLoopback(_ url: String) {
        #expect(Self.check(url) != nil)
    }

    @Test("https and loopback http are accepted, parsed into their parts", arguments: HostileURLs.valid)
    func valid(_ url: String) throws {
        #expect(Self.check(url) == nil)
    }

    @Test("the parsed parts are what a request is built from")
    func parts() throws {
        let url = try EndpointURL("https://IdP.Example.com:8443/a%20b?x=1", field: "u", invalid: "i", insecure: "s")
        #expect(url.host == "idp.example.com")
        #expect(url.authority == "idp.example.com:8443")
        #expect(url.path == "/a%20b")
        #expect(url.query == "x=1")
        let loopback = try EndpointURL("http://[::1]:8080", field: "u", invalid: "i", insecure: "s")
        #expect(loopback.authority == "[::1]:8080")
        #expect(loopback.path == "/")
        #expect(throws: SsoError.self) {
            try EndpointURL("http://localhost/x", field: "u", invalid: "i", insecure: "s", allowLoopbackHTTP: false)
        }
        #expect(throws: SsoError.self) {
            try EndpointURL("https://a.example/x?y", field: "u", invalid: "i", insecure: "s", allowQuery: false)
        }
    }
}
