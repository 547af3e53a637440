import Foundation
import SsoCore
import SsoTestSupport
import SsoTesting
import Testing
@testable import SsoSAML

/// SAML accepts URLs through the one parsed checker: SP settings, metadata fetch URLs, metadata
/// endpoints and the AuthnRequest destination. `http://localhost:80@evil.example/sso` is a
/// request in clear text to evil.example, not to loopback.
@Suite("SAML URL checks")
struct SAMLURLCheckTests {
    static let hostile = HostileURLs.malformed + HostileURLs.fakeLoopback

    @Test("SP settings: ACS and Single Logout URLs")
    func serviceProviderSettings() throws {
        for url in Self.hostile {
            #expect(throws: SsoError.self, "\(url.debugDescription)") {
                try SAMLServiceProvider(entityID: "https://sp.example.com/saml", acsURL: url)
            }
            #expect(throws: SsoError.self, "\(url.debugDescription)") {
                try SAMLServiceProvider(
                    entityID: "https://sp.example.com/saml", acsURL: "https://sp.example.com/acs",
                    singleLogoutURL: url)
            }
        }
        for url in HostileURLs.valid {
            let sp = try SAMLServiceProvider(entityID: "https://sp.example.com/saml", acsURL: url, singleLogoutURL: url)
            #expect(sp.acsURL == url)
        }
    }

    @Test("metadata fetch URLs")
    func metadataFetchURL() throws {
        for url in Self.hostile {
            let code = errorCode { try IdPMetadataFetcher.request(for: url, allowHTTPForLoopback: true) }
            #expect(code == .samlMetadataURLNotAllowed, "\(url.debugDescription)")
        }
        for url in HostileURLs.valid {
            #expect(errorCode { try IdPMetadataFetcher.request(for: url, allowHTTPForLoopback: true) } == nil, "\(url)")
        }
        let request = try IdPMetadataFetcher.request(
            for: "https://IdP.example.com:8443/md?x=1", allowHTTPForLoopback: true)
        #expect(request.authority == "idp.example.com:8443")
        #expect(request.path == "/md?x=1")
        #expect(
            errorCode { try IdPMetadataFetcher.request(for: "http://localhost/md", allowHTTPForLoopback: false) }
                == .samlMetadataURLNotAllowed)
    }

    /// Okta's metadata with both SingleSignOnService endpoints moved to `location`.
    static func metadata(ssoLocation location: String) throws -> [UInt8] {
        let xml = String(decoding: try SAMLFixtures.bytes("okta/metadata.xml"), as: UTF8.self)
        let escaped = location.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
            of: "\"", with: "&quot;"
        )
        .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "\t", with: "&#9;")
        .replacingOccurrences(of: "\n", with: "&#10;")
        let original = "https://dev-12345678.okta.com/app/dev-12345678_swiftsso_1/exk1a2b3c4d5e6f7g8h9/sso/saml"
        return Array(xml.replacingOccurrences(of: original, with: escaped).utf8)
    }

    @Test("metadata endpoints a browser is sent to are parsed, and login refuses plain http to a remote host")
    func metadataEndpoints() throws {
        let sp = try SAMLServiceProvider(entityID: "https://sp.example.com/saml", acsURL: "https://sp.example.com/acs")
        let clock = TestClock(SAMLFixtures.fixedNow)
        for url in HostileURLs.malformed
        where !url.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            && url.trimmingCharacters(in: .whitespacesAndNewlines) == url
        {
            let code = errorCode {
                try IdPMetadata.parse(try Self.metadata(ssoLocation: url), now: SAMLFixtures.fixedNow)
            }
            #expect(code == .samlMetadataMalformed, "\(url.debugDescription)")
        }
        for url in HostileURLs.fakeLoopback {
            let metadata = try IdPMetadata.parse(try Self.metadata(ssoLocation: url), now: SAMLFixtures.fixedNow)
            let code = errorCode {
                try sp.redirectLogin(to: metadata, relayState: nil, clock: clock, random: SystemRandomSource())
            }
            #expect(code == .samlRequestInvalidSetting || code == .samlRequestNoEndpoint, "\(url.debugDescription)")
            #expect(code != nil)
        }
        let good = try IdPMetadata.parse(
            try Self.metadata(ssoLocation: "https://idp.example.com/sso?x=1"),
            now: SAMLFixtures.fixedNow)
        let login = try sp.redirectLogin(to: good, relayState: nil, clock: clock, random: SystemRandomSource())
        #expect(login.url.hasPrefix("https://idp.example.com/sso?x=1&SAMLRequest="))
    }
}
